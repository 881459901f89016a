"""The agent's SQLite file: schedules as received, which slots ran, an outbox of acks and
reports (kept while offline, sent in order, each marked once the broker has it), and the
controller's last state of charge, so a restart resumes where the agent stopped."""

import json
import sqlite3
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schedules (
    message_id TEXT PRIMARY KEY, date TEXT NOT NULL, body TEXT NOT NULL, received_seq INTEGER
);
CREATE TABLE IF NOT EXISTS slot_runs (
    message_id TEXT NOT NULL, slot INTEGER NOT NULL, status TEXT NOT NULL, detail TEXT,
    PRIMARY KEY (message_id, slot)
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload TEXT NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class AgentStore:
    def __init__(self, path: str) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    # ---- schedules ----

    def save_schedule(self, message: dict[str, Any]) -> bool:
        """Store a schedule; False if this message_id was stored before (a harmless repeat)."""
        seq = self._db.execute(
            "SELECT COALESCE(MAX(received_seq), 0) + 1 FROM schedules"
        ).fetchone()[0]
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO schedules (message_id, date, body, received_seq)"
            " VALUES (?, ?, ?, ?)",
            (message["message_id"], message["date"], json.dumps(message), seq),
        )
        return cursor.rowcount == 1

    def schedule_for(self, date: str) -> dict[str, Any] | None:
        """The latest schedule received for the date: a newer one supersedes the older."""
        row = self._db.execute(
            "SELECT body FROM schedules WHERE date = ? ORDER BY received_seq DESC LIMIT 1", (date,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    # ---- slots and reports ----

    def slot_ran(self, message_id: str, slot: int) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM slot_runs WHERE message_id = ? AND slot = ?", (message_id, slot)
        ).fetchone()
        return row is not None

    def record_slot(
        self, message_id: str, slot: int, status: str, detail: str | None, topic: str, report: dict
    ) -> None:
        """The slot's run and its report, in one transaction: never one without the other."""
        with self._transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO slot_runs (message_id, slot, status, detail)"
                " VALUES (?, ?, ?, ?)",
                (message_id, slot, status, detail),
            )
            self._db.execute(
                "INSERT INTO outbox (topic, payload) VALUES (?, ?)", (topic, json.dumps(report))
            )

    def queue(self, topic: str, payload: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT INTO outbox (topic, payload) VALUES (?, ?)", (topic, json.dumps(payload))
        )

    def unsent(self) -> list[tuple[int, str, str]]:
        return self._db.execute(
            "SELECT id, topic, payload FROM outbox WHERE sent = 0 ORDER BY id"
        ).fetchall()

    def mark_sent(self, outbox_id: int) -> None:
        self._db.execute("UPDATE outbox SET sent = 1 WHERE id = ?", (outbox_id,))

    # ---- controller state ----

    def get(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", (key, value))

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, error, traceback) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")
