package org.xieshang.proposal.internal.attachment;

import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.ProposalAttachment;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.repository.AttachmentRepository;
import org.xieshang.proposal.internal.query.ProposalViews.AttachmentView;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;

/** Attachments of drafts and of supervision events: type-checked, size-limited, stored under the data directory. */
@Service
@Transactional
public class AttachmentStore {

    static final int MAX_PER_PROPOSAL = 10;

    public record Stored(String filename, String contentType, Path path) {
    }

    private final CaseSupport cases;
    private final AttachmentRepository attachments;
    private final FileStore files;

    AttachmentStore(CaseSupport cases, AttachmentRepository attachments, FileStore files) {
        this.cases = cases;
        this.attachments = attachments;
        this.files = files;
    }

    /** A file of a draft (the proposer's step, see {@link Step#ATTACH}). */
    public AttachmentView add(Long proposalId, MultipartFile file) {
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

    /**
     * A paper document the office scanned into the case (e.g. a co-unit's opinion received on paper);
     * the caller has checked that the user may; the file counts against the case's limit.
     */
    public AttachmentView addOfficeCopy(Long proposalId, MultipartFile file) {
        String name = checked(file);
        if (attachments.findByProposalIdAndSupervisionEventIdIsNullOrderByIdAsc(proposalId).size() >= MAX_PER_PROPOSAL) {
            throw InvalidInput.field("file", "proposal.validation.fileCount", MAX_PER_PROPOSAL);
        }
        return view(attachments.save(new ProposalAttachment(proposalId, name, type(name), file.getSize(), store(file))));
    }

    /** A file documenting a supervision event; whether the user may add it is the key work's to decide. */
    public AttachmentView addToEvent(Long proposalId, Long eventId, MultipartFile file) {
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
    public java.util.Map<Long, java.util.List<AttachmentView>> ofEvents(Long proposalId) {
        java.util.Map<Long, java.util.List<AttachmentView>> byEvent = new java.util.HashMap<>();
        attachments.findByProposalIdAndSupervisionEventIdIsNotNullOrderByIdAsc(proposalId).forEach(a ->
                byEvent.computeIfAbsent(a.getSupervisionEventId(), k -> new java.util.ArrayList<>()).add(view(a)));
        return byEvent;
    }

    /** The file's name when its type and size are acceptable; refused input otherwise. */
    public static String checked(MultipartFile file) {
        return FileStore.checked(file, "proposal");
    }

    private String store(MultipartFile file) {
        return files.store(null, file);
    }

    private static String type(String name) {
        return FileStore.contentType(name);
    }

    private static AttachmentView view(ProposalAttachment a) {
        return new AttachmentView(a.getId(), a.getFilename(), a.getContentType(), a.getSize());
    }

    @Transactional(readOnly = true)
    public Stored get(Long proposalId, Long attachmentId) {
        cases.open(proposalId);
        ProposalAttachment a = attachments.findById(attachmentId).filter(x -> x.getProposalId().equals(proposalId))
                .orElseThrow(NotFound::new);
        return new Stored(a.getFilename(), a.getContentType(), files.path(a.getStorageKey()));
    }
}
