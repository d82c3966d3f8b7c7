-- The ledger's last record when a batch's rows were checked against the register. A batch may wait days for its
-- confirmation; weapons registered after this record (by hand, or by another batch) are checked at confirmation, so
-- that two copies of one file, or a file and its corrected copy, are not both registered without a flag.
ALTER TABLE import_batch ADD COLUMN register_seq BIGINT;
