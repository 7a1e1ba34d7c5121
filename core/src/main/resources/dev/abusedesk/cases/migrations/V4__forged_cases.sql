-- A case opened by a forged mail: it keeps every key for listing, but no other report ever joins
-- it (a real mail with the same case number must not land in the forger's case).

ALTER TABLE cases ADD COLUMN forged INTEGER NOT NULL DEFAULT 0
