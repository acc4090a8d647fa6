package org.xieshang.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.shared.FileNames;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Uploaded files of every module (proposal drafts, supervision events, social reports, activity
 * outcomes): one list of accepted types, one name check, stored under
 * {@code <data-dir>/attachments/<committee>/...} by a random key; the bytes never pass through the database.
 */
@Component
public class FileStore {

    /** Accepted extensions and the content type each is served with. */
    public static final Map<String, String> TYPES = Map.of("pdf", "application/pdf",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "txt", "text/plain");
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Path root;

    public FileStore(@Value("${xieshang.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "attachments");
    }

    /**
     * The file's name when it is present and its name, type and size are acceptable; refused input
     * on field {@code file} otherwise, with the module's texts {@code <bundle>.validation.fileType} and {@code .fileSize}.
     */
    public static String checked(MultipartFile file, String bundle) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.field("file", "validation.required");
        }
        String original = file.getOriginalFilename();
        if (original != null && !FileNames.acceptable(original)) {
            throw InvalidInput.field("file", "validation.fileName");
        }
        String name = FileNames.lastSegment(original);
        if (!TYPES.containsKey(extension(name)) || name.length() > 200) {
            throw InvalidInput.field("file", bundle + ".validation.fileType",
                    String.join(", ", TYPES.keySet().stream().sorted().toList()));
        }
        if (file.getSize() > MAX_BYTES) {
            throw InvalidInput.field("file", bundle + ".validation.fileSize", MAX_BYTES / 1024 / 1024);
        }
        return name;
    }

    /** The content type of an accepted name, null for any other. */
    public static String contentType(String name) {
        return TYPES.get(extension(name));
    }

    public static String extension(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** Stores the bytes under the current committee (and {@code folder}, when given); the key to find them again. */
    public String store(String folder, InputStream in) {
        String key = CommitteeContext.current() + "/" + (folder == null ? "" : folder + "/") + UUID.randomUUID();
        Path target = root.resolve(key);
        try (in) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store attachment", e);
        }
        return key;
    }

    public String store(String folder, MultipartFile file) {
        try {
            return store(folder, file.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the upload", e);
        }
    }

    /** Where a stored file is; not found when it is gone from the disk. */
    public Path path(String key) {
        Path path = root.resolve(key);
        if (!Files.exists(path)) {
            throw new NotFound();
        }
        return path;
    }
}
