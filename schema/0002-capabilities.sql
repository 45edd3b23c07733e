-- 0002-capabilities.sql: what services can do. A capability (catalog/
-- 70-capabilities.json) has cue phrases in English and Korean that ask
-- for it, and the services that provide it, each with a strength; ask
-- matches a question to capabilities before it weighs any other word.

-- The kinds of capability: the course's rule, defined once. ask's
-- parameters weigh each kind (src/rank.c).
CREATE TABLE capability_kinds (
	id		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE,
	summary		TEXT NOT NULL
);
INSERT INTO capability_kinds VALUES
	('purpose-built', 1, 'a narrow task that a pre-trained AI service does'),
	('generative', 2,
	    'create content, summarize, converse or answer over your data'),
	('own-model', 3, 'build, train, tune, host or operate your own model'),
	('infrastructure', 4, 'compute, chips, networking and storage for ML'),
	('application', 5, 'a ready-made AI application for a role'),
	('build', 6,
	    'its own developers build it: building blocks, not an application'),
	('ready-made', 7,
	    'it wants an application ready to use: nothing to build or train');

CREATE TABLE capabilities (
	id		TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*'),
	ord		INTEGER NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	name_ko		TEXT NOT NULL,
	kind		TEXT NOT NULL REFERENCES capability_kinds(id)
);

CREATE TABLE capability_cues (
	capability_id	TEXT NOT NULL REFERENCES capabilities(id),
	cue		TEXT NOT NULL,		-- as written
	lang		TEXT NOT NULL CHECK (lang IN ('en', 'ko')),
	toks		TEXT NOT NULL,		-- as tokenize.c splits it
	first		TEXT NOT NULL		-- its first token, to look it up
);
CREATE INDEX capability_cues_first ON capability_cues(first);

-- Every token of every cue: a word the full-text index lacks but a cue
-- has is a word ask knows, not a typo to correct (the build gives each a
-- row of search_tokens, which is what ask reads).
CREATE TABLE cue_tokens (
	tok		TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE capability_providers (
	capability_id	TEXT NOT NULL REFERENCES capabilities(id),
	service_id	TEXT NOT NULL REFERENCES services(id),
	strength	REAL NOT NULL CHECK (strength > 0 AND strength <= 1),
	PRIMARY KEY (capability_id, service_id)
);
