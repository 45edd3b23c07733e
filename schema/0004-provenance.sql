-- 0004-provenance.sql: facts that rest only on third-party sources, and
-- the model generations a service names with their end-of-life dates.

-- A fact of a service record (its key: status_date, specs, ...) that no
-- AWS page confirms, with the third-party source it rests on. `awsai
-- check` lists them.
CREATE TABLE third_party (
	service_id	TEXT NOT NULL REFERENCES services(id),
	fact		TEXT NOT NULL,
	source		TEXT NOT NULL CHECK (source LIKE 'https://%'),
	note		TEXT
);
CREATE INDEX third_party_service ON third_party(service_id);

-- A model generation a service names (Bedrock's Nova Premier v1 ...),
-- with the date it reaches or reached end of life.
CREATE TABLE service_models (
	service_id	TEXT NOT NULL REFERENCES services(id),
	ord		INTEGER NOT NULL,
	name		TEXT NOT NULL,
	eol		TEXT NOT NULL CHECK (eol GLOB
			'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	source		TEXT NOT NULL CHECK (source LIKE 'https://%')
);
CREATE INDEX service_models_service ON service_models(service_id, ord);
