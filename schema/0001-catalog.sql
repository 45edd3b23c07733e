-- 0001-catalog.sql: the catalog's tables. A bad catalog cannot be built:
-- enums are CHECKed, references are foreign keys, required text NOT NULL.
PRAGMA foreign_keys = ON;

CREATE TABLE meta (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL
);

-- The layers are catalog data (catalog/00-model.json); the loader checks
-- every reference to them with a FILE:LINE:COL message.
CREATE TABLE layers (
	id		TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*'),
	ord		INTEGER NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	name_ko		TEXT NOT NULL,
	summary		TEXT NOT NULL,
	summary_ko	TEXT NOT NULL
);

-- The lifecycle statuses: the one definition of them. The loader, the
-- filters, the messages and the ranking all read this table.
CREATE TABLE statuses (
	id		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	new_customers	INTEGER NOT NULL CHECK (new_customers IN (0, 1)),
	supported	INTEGER NOT NULL CHECK (supported IN (0, 1)),
	name		TEXT NOT NULL,
	summary		TEXT NOT NULL
);
INSERT INTO statuses VALUES
	('ga', 1, 1, 1, 'generally available', 'open to every customer'),
	('preview', 2, 1, 1, 'preview', 'open to try, not yet generally available'),
	('closed', 3, 0, 1, 'closed to new customers',
	    'existing customers keep using it; new customers cannot sign up'),
	('retired', 4, 0, 0, 'retired', 'end of support: no longer available');

CREATE TABLE usecases (
	id		TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*'),
	ord		INTEGER NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	name_ko		TEXT NOT NULL,
	summary		TEXT NOT NULL,
	summary_ko	TEXT NOT NULL
);

CREATE TABLE usecase_keywords (
	usecase_id	TEXT NOT NULL REFERENCES usecases(id),
	keyword		TEXT NOT NULL,
	toks		TEXT NOT NULL		-- keyword as tokenize.c splits it
);

CREATE TABLE services (
	id		TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*'),
	ord		INTEGER NOT NULL UNIQUE,
	name		TEXT NOT NULL UNIQUE COLLATE NOCASE
			CHECK (length(name) BETWEEN 1 AND 200 AND
			name NOT GLOB '*[' || char(1) || '-' || char(31) || ']*'),
	layer		TEXT NOT NULL REFERENCES layers(id),
	layer_note	TEXT,
	summary		TEXT NOT NULL,
	summary_ko	TEXT NOT NULL,
	description	TEXT NOT NULL,
	status		TEXT NOT NULL REFERENCES statuses(id),
	status_date	TEXT CHECK (status_date IS NULL OR status_date GLOB
			'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	status_note	TEXT,
	successor	TEXT REFERENCES services(id) DEFERRABLE INITIALLY DEFERRED,
	part_of		TEXT REFERENCES services(id) DEFERRABLE INITIALLY DEFERRED,
	cli		TEXT,
	docs		TEXT NOT NULL CHECK (docs LIKE 'https://%'),
	as_of		TEXT NOT NULL,
	list_ord	INTEGER UNIQUE		-- by layer, then name (made at
						-- build time): list's order
);

CREATE TABLE service_usecases (
	service_id	TEXT NOT NULL REFERENCES services(id),
	usecase_id	TEXT NOT NULL REFERENCES usecases(id),
	weight		REAL NOT NULL CHECK (weight > 0 AND weight <= 1),
	PRIMARY KEY (service_id, usecase_id)
);

-- Made at build time from service_usecases: each service's use-case ids,
-- strongest first, joined by char(31), as list and the card show them.
CREATE TABLE service_uclists (
	service_id	TEXT PRIMARY KEY REFERENCES services(id),
	usecases	TEXT
) WITHOUT ROWID;

CREATE TABLE tasks (
	service_id	TEXT NOT NULL REFERENCES services(id),
	lang		TEXT NOT NULL CHECK (lang IN ('en', 'ko')),
	ord		INTEGER NOT NULL,
	text		TEXT NOT NULL
);
CREATE INDEX tasks_service ON tasks(service_id, lang, ord);

CREATE TABLE aliases (
	alias		TEXT PRIMARY KEY COLLATE NOCASE NOT NULL
			CHECK (length(alias) BETWEEN 1 AND 200),
	service_id	TEXT NOT NULL REFERENCES services(id)
);
CREATE INDEX aliases_service ON aliases(service_id);

CREATE TABLE relations (
	service_id	TEXT NOT NULL REFERENCES services(id),
	kind		TEXT NOT NULL CHECK (kind IN
			('successor', 'alternative', 'part-of', 'complements')),
	target_id	TEXT NOT NULL REFERENCES services(id)
			DEFERRABLE INITIALLY DEFERRED,
	PRIMARY KEY (service_id, kind, target_id)
);
CREATE INDEX relations_target ON relations(target_id, kind);

CREATE TABLE sources (
	service_id	TEXT NOT NULL REFERENCES services(id),
	url		TEXT NOT NULL CHECK (url LIKE 'https://%')
);
CREATE INDEX sources_service ON sources(service_id);

CREATE TABLE synonyms (
	grp		INTEGER NOT NULL,
	term		TEXT NOT NULL,
	toks		TEXT NOT NULL,		-- term as tokenize.c splits it
	first		TEXT NOT NULL		-- its first token, to look it up
);
CREATE INDEX synonyms_first ON synonyms(first);
CREATE INDEX synonyms_grp ON synonyms(grp);

CREATE TABLE glossary (
	id		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL,
	term		TEXT NOT NULL,
	term_ko		TEXT NOT NULL,
	definition	TEXT NOT NULL,
	definition_ko	TEXT NOT NULL
);

CREATE TABLE glossary_names (
	name		TEXT NOT NULL COLLATE NOCASE,
	glossary_id	TEXT NOT NULL REFERENCES glossary(id)
);

CREATE TABLE glossary_see (
	glossary_id	TEXT NOT NULL REFERENCES glossary(id),
	target_id	TEXT NOT NULL REFERENCES glossary(id)
			DEFERRABLE INITIALLY DEFERRED
);

-- Lifecycle stages and ML roles share one shape: kind tells them apart.
CREATE TABLE groups (
	kind		TEXT NOT NULL CHECK (kind IN ('stage', 'role')),
	id		TEXT NOT NULL,
	ord		INTEGER NOT NULL,
	name		TEXT NOT NULL,
	name_ko		TEXT NOT NULL,
	summary		TEXT NOT NULL,
	summary_ko	TEXT NOT NULL,
	PRIMARY KEY (kind, id)
);

CREATE TABLE group_services (
	kind		TEXT NOT NULL,
	group_id	TEXT NOT NULL,
	ord		INTEGER NOT NULL,
	service_id	TEXT NOT NULL REFERENCES services(id),
	FOREIGN KEY (kind, group_id) REFERENCES groups(kind, id)
);

-- The full-text index: one row per name, alias, task, summary or
-- description, tokenized by awsai's own tokenizer (tokenize.c). The index
-- only answers "which rows have this token", so it keeps no content and
-- no positions; a row's rowid carries what ranking needs (catalog.c,
-- DOC_ROWID): the service, the kind of text and its length in tokens.
CREATE VIRTUAL TABLE docs USING fts5(
	text, content = '', columnsize = 0, detail = none,
	tokenize = 'awsai'
);

CREATE TABLE doc_rows (
	id		INTEGER PRIMARY KEY,	-- the rowid in docs
	svc		INTEGER NOT NULL,	-- services.ord
	kind		TEXT NOT NULL CHECK (kind IN
			('name', 'alias', 'task', 'summary', 'description')),
	lang		TEXT NOT NULL CHECK (lang IN ('en', 'ko')),
	len		INTEGER NOT NULL,	-- tokens
	text		TEXT NOT NULL
);

-- What ask reads, as the queries of catalog-search.c give it, made at
-- build time (kind: enum search_rows): what it loads before its first
-- question, one text per query (key ''); the cues and synonym terms a
-- token starts, one text per first token; and the rows of docs that hold
-- a token, as FTS5 finds them, one blob of 64-bit little-endian values
-- per token (key: the token): each a rowid plus, shifted 38 bits up, the
-- row's place in doc_rows by id (catalog_postings).
-- (Both tables keep rowids: in a WITHOUT ROWID table a value is part of
-- its key, and SQLite reads a whole overflowing row to compare keys on
-- its way to another, a copy of every large blob it passed.)
CREATE TABLE search_cache (
	kind		INTEGER NOT NULL,
	key		TEXT NOT NULL,
	data		NOT NULL,
	PRIMARY KEY (kind, key)
);

-- The lists kept by token, made at build time as one row per token, so
-- that a question's token costs one lookup: the
-- use-case keywords, cues and synonym terms it starts (texts as above)
-- and the index rows that hold it (the blob). Ask reads them through the
-- token index made of this table (catalog-tokens.c): a hash table in one
-- image, embedded beside the catalog or made when a catalog is opened.
CREATE TABLE search_tokens (
	id		INTEGER PRIMARY KEY,
	tok		TEXT NOT NULL UNIQUE,
	keywords	TEXT,
	cues		TEXT,
	synonyms	TEXT,
	rows		BLOB
);
