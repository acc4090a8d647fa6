package db.migration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.xieshang.reminder.internal.ReminderTestAccess;

/** A reminder serialized under the old package name reads back as the moved class after the migration. */
class V13ReminderTasksMovedTest {

    @Test
    void aReminderPlannedBeforeTheMoveStillReads() throws Exception {
        Object task = ReminderTestAccess.overdueTask(7L, 42L, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 8));
        byte[] current = serialize(task);
        // what a node before the move wrote: the same bytes under the old package
        byte[] old = new String(current, StandardCharsets.ISO_8859_1)
                .replace("org.xieshang.reminder.internal.", "org.xieshang.proposal.internal.")
                .replace("org/xieshang/reminder/internal/", "org/xieshang/proposal/internal/")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(old).isNotEqualTo(current);

        byte[] migrated = V13__reminder_tasks_moved.rename(old);

        assertThat(migrated).isEqualTo(current);
        try (var in = new ObjectInputStream(new ByteArrayInputStream(migrated))) {
            assertThat(in.readObject()).isEqualTo(task);
        }
    }

    @Test
    void dataWithoutTheOldNamesIsLeftAsItIs() throws Exception {
        byte[] current = serialize(ReminderTestAccess.overdueTask(1L, 2L, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6)));
        assertThat(V13__reminder_tasks_moved.rename(current)).isSameAs(current);
        assertThat(V13__reminder_tasks_moved.rename(null)).isNull();
    }

    private static byte[] serialize(Object o) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
