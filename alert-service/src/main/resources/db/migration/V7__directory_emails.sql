-- Where e-mail digests go: the person's addresses from the directory (JSON array).
ALTER TABLE directory_person ADD COLUMN emails text;
