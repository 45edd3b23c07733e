-- 0005-choose.sql: the questions of awsai choose and their answers
-- (catalog/60-choose.json), and every record as written, for export.

-- A question; slot is the option that answers it without asking
-- (want, domain, mode, data, customer). The first by ord is asked first.
CREATE TABLE questions (
	id		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	slot		TEXT NOT NULL,
	text		TEXT NOT NULL,
	text_ko		TEXT NOT NULL
);

-- An answer narrows the ranking: a layer or a use case to keep, words
-- for the search, who the customer is, and the question it leads to
-- (none: the end).
CREATE TABLE answers (
	question_id	TEXT NOT NULL REFERENCES questions(id),
	ord		INTEGER NOT NULL,
	id		TEXT NOT NULL,
	label		TEXT NOT NULL,
	label_ko	TEXT NOT NULL,
	layer		TEXT REFERENCES layers(id),
	usecase		TEXT REFERENCES usecases(id),
	query		TEXT,
	next		TEXT REFERENCES questions(id)
			DEFERRABLE INITIALLY DEFERRED,
	-- new: a closed service's successor first (as ask ranks); existing:
	-- by relevance alone (ask --existing)
	lifecycle	TEXT CHECK (lifecycle IN ('new', 'existing')),
	PRIMARY KEY (question_id, id)
);

-- The source JSON of every record, by section and order (a service's
-- ord is its services.ord). Kept apart from services, so that the rows
-- every listing reads are small and lie on few pages.
CREATE TABLE source_records (
	section		TEXT NOT NULL,
	ord		INTEGER NOT NULL,
	record		TEXT NOT NULL,
	PRIMARY KEY (section, ord)
);
