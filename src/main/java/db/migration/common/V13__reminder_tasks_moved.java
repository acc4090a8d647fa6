package db.migration.common;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The reminder classes moved from {@code org.xieshang.proposal.internal} to
 * {@code org.xieshang.reminder.internal}. Planned reminders are stored by db-scheduler as Java
 * serialization, which names the classes; this rewrites the names in the stored task data so that
 * reminders planned before the move still run. Both package names have the same length, so the
 * names are replaced byte for byte and the serialized lengths stay valid. A Java migration
 * because the data is binary (BLOB on H2, bytea on PostgreSQL).
 */
public class V13__reminder_tasks_moved extends BaseJavaMigration {

    private static final String[][] NAMES = {
            {"org.xieshang.proposal.internal.Reminder", "org.xieshang.reminder.internal.Reminder"},
            {"org/xieshang/proposal/internal/Reminder", "org/xieshang/reminder/internal/Reminder"},
    };

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select task_instance, task_data from scheduled_tasks where task_name = 'proposal-reminder'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byte[] data = rows.getBytes(2);
                byte[] moved = rename(data);
                if (moved != data) {
                    changed.add(new Object[] {rows.getString(1), moved});
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update scheduled_tasks set task_data = ? where task_name = 'proposal-reminder' and task_instance = ?")) {
            for (Object[] row : changed) {
                update.setBytes(1, (byte[]) row[1]);
                update.setString(2, (String) row[0]);
                update.addBatch();
            }
            if (!changed.isEmpty()) {
                update.executeBatch();
            }
        }
    }

    /** The data with the old class names replaced; the same array when there was nothing to replace. */
    static byte[] rename(byte[] data) {
        if (data == null) {
            return null;
        }
        byte[] out = data;
        for (String[] pair : NAMES) {
            byte[] from = pair[0].getBytes(StandardCharsets.US_ASCII);
            byte[] to = pair[1].getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i + from.length <= out.length; i++) {
                if (matches(out, i, from)) {
                    if (out == data) {
                        out = data.clone();
                    }
                    System.arraycopy(to, 0, out, i, to.length);
                    i += from.length - 1;
                }
            }
        }
        return out;
    }

    private static boolean matches(byte[] data, int at, byte[] what) {
        for (int j = 0; j < what.length; j++) {
            if (data[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }
}
