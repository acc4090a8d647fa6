package org.xieshang.shared;

/**
 * Names of uploaded files as clients send them. Read without {@code java.nio.file.Path}, which throws on a NUL
 * byte or an unmappable character (a 500 instead of a refusal).
 */
public final class FileNames {

    private FileNames() {
    }

    /** The part after the last slash or backslash (browsers on Windows may send a full path); "" for none. */
    public static String lastSegment(String name) {
        if (name == null) {
            return "";
        }
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1).strip();
    }

    /**
     * False for a name with a control character (NUL, line breaks, DEL…), a lone surrogate, or a bidirectional
     * override (U+202E) that would make an ".exe" look like a ".pdf".
     */
    public static boolean acceptable(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
