-- No query reads the ledger by recorded_at (recent entries are read by seq, which follows the order of writing), and
-- every append paid for this index: one less index to maintain on the largest table of the register.
DROP INDEX ledger_entry_recorded_idx;
