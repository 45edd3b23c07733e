-- 0003-specs.sql: the structured specs of an EC2 instance family
-- (catalog/55-instances.json): its accelerator, how many of them the
-- largest size has and their memory, the network, what it is for.

-- What a family is for, and its generation: defined once, here.
CREATE TABLE spec_uses (
	id		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE
);
INSERT INTO spec_uses VALUES ('training', 1), ('inference', 2),
	('graphics', 3), ('hpc', 4), ('fpga', 5);
CREATE TABLE spec_generations (
	id		TEXT PRIMARY KEY,
	ord		INTEGER NOT NULL UNIQUE
);
INSERT INTO spec_generations VALUES ('current', 1), ('previous', 2);

CREATE TABLE instance_specs (
	service_id	TEXT PRIMARY KEY REFERENCES services(id),
	family		TEXT NOT NULL,
	largest		TEXT,
	vendor		TEXT,
	accelerator	TEXT,
	accelerators	REAL CHECK (accelerators IS NULL OR accelerators >= 0),
	accelerator_memory_gib REAL CHECK (accelerator_memory_gib IS NULL OR
			accelerator_memory_gib > 0),
	vcpus		INTEGER CHECK (vcpus IS NULL OR vcpus > 0),
	memory_gib	REAL CHECK (memory_gib IS NULL OR memory_gib > 0),
	network_gbps	REAL CHECK (network_gbps IS NULL OR network_gbps > 0),
	interconnect	TEXT,
	generation	TEXT NOT NULL REFERENCES spec_generations(id)
);

CREATE TABLE instance_uses (
	service_id	TEXT NOT NULL REFERENCES instance_specs(service_id),
	use		TEXT NOT NULL REFERENCES spec_uses(id),
	PRIMARY KEY (service_id, use)
);
