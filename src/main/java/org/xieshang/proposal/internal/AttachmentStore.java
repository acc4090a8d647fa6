package org.xieshang.proposal.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.proposal.internal.ProposalViews.AttachmentView;
import org.xieshang.shared.FileNames;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/** Attachments of drafts and of supervision events: type-checked, size-limited, stored under the data directory. */
@Service
@Transactional
class AttachmentStore {

    static final Map<String, String> TYPES = Map.of("pdf", "application/pdf",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "txt", "text/plain");
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_PROPOSAL = 10;

    record Stored(String filename, String contentType, Path path) {
    }

    private final CaseSupport cases;
    private final AttachmentRepository attachments;
    private final Path root;

    AttachmentStore(CaseSupport cases, AttachmentRepository attachments, @Value("${xieshang.data-dir}") String dataDir) {
        this.cases = cases;
        this.attachments = attachments;
        this.root = Path.of(dataDir, "attachments");
    }

    /** A file of a draft (the proposer's step, see {@link Step#ATTACH}). */
    AttachmentView add(Long proposalId, MultipartFile file) {
        String name = checked(file);
        ProposalCase c = cases.openFor(proposalId, Step.ATTACH);
        if (attachments.findByProposalIdAndSupervisionEventIdIsNullOrderByIdAsc(proposalId).size() >= MAX_PER_PROPOSAL) {
            throw InvalidInput.field("file", "proposal.validation.fileCount", MAX_PER_PROPOSAL);
        }
        ProposalAttachment a = attachments.save(new ProposalAttachment(proposalId, name, type(name), file.getSize(),
                store(file)));
        cases.move(c, "ATTACH", null, name);
        return view(a);
    }

    /** A file documenting a supervision event; whether the user may add it is the key work's to decide. */
    AttachmentView addToEvent(Long proposalId, Long eventId, MultipartFile file) {
        String name = checked(file);
        long already = attachments.findByProposalIdAndSupervisionEventIdIsNotNullOrderByIdAsc(proposalId).stream()
                .filter(a -> a.getSupervisionEventId().equals(eventId)).count();
        if (already >= MAX_PER_PROPOSAL) {
            throw InvalidInput.field("file", "proposal.validation.fileCount", MAX_PER_PROPOSAL);
        }
        return view(attachments.save(new ProposalAttachment(proposalId, eventId, name, type(name), file.getSize(),
                store(file))));
    }

    /** The supervision events' files of a case, by event. */
    @Transactional(readOnly = true)
    java.util.Map<Long, java.util.List<AttachmentView>> ofEvents(Long proposalId) {
        java.util.Map<Long, java.util.List<AttachmentView>> byEvent = new java.util.HashMap<>();
        attachments.findByProposalIdAndSupervisionEventIdIsNotNullOrderByIdAsc(proposalId).forEach(a ->
                byEvent.computeIfAbsent(a.getSupervisionEventId(), k -> new java.util.ArrayList<>()).add(view(a)));
        return byEvent;
    }

    /** The file's name when its type and size are acceptable; refused input otherwise. */
    static String checked(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.field("file", "validation.required");
        }
        if (file.getOriginalFilename() != null && !FileNames.acceptable(file.getOriginalFilename())) {
            throw InvalidInput.field("file", "validation.fileName");
        }
        String name = FileNames.lastSegment(file.getOriginalFilename());
        if (!TYPES.containsKey(extension(name)) || name.length() > 200) {
            throw InvalidInput.field("file", "proposal.validation.fileType", String.join(", ", TYPES.keySet().stream().sorted().toList()));
        }
        if (file.getSize() > MAX_BYTES) {
            throw InvalidInput.field("file", "proposal.validation.fileSize", MAX_BYTES / 1024 / 1024);
        }
        return name;
    }

    private String store(MultipartFile file) {
        String key = CommitteeContext.current() + "/" + UUID.randomUUID();
        Path target = root.resolve(key);
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store attachment", e);
        }
        return key;
    }

    private static String extension(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String type(String name) {
        return TYPES.get(extension(name));
    }

    private static AttachmentView view(ProposalAttachment a) {
        return new AttachmentView(a.getId(), a.getFilename(), a.getContentType(), a.getSize());
    }

    @Transactional(readOnly = true)
    Stored get(Long proposalId, Long attachmentId) {
        cases.open(proposalId);
        ProposalAttachment a = attachments.findById(attachmentId).filter(x -> x.getProposalId().equals(proposalId))
                .orElseThrow(NotFound::new);
        Path path = root.resolve(a.getStorageKey());
        if (!Files.exists(path)) {
            throw new NotFound();
        }
        return new Stored(a.getFilename(), a.getContentType(), path);
    }
}
