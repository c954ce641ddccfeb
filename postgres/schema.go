package postgres

// The schema, as numbered migrations. A migration is applied once, in order,
// in one transaction with its row in schema_version; `server init` applies
// the missing ones under an advisory lock, so running it twice, or two people
// at once, leaves one schema. A released migration is never edited: changes
// come as a new one.
//
// Layout: each entity's row keeps the domain value as JSON (data) plus the
// columns queries filter, sort and join on, which the application fills on
// every write (folded names with vntext.Fold, Vietnamese sort keys with
// vntext.SortKey): the server answers lists, searches and counts itself.
//
// Rights are the server's: the two group roles get grants, and row security
// keeps a chuyên viên's writes to drafts (an issued decision, its recipients
// and the nominations it awards are read-only to them); only the owner and
// khenthuong_lanhdao may write the catalogue, the registry series and
// counters, the settings, the templates and the printer profiles. The audit
// is append-only and stamped with the session's login.

const (
	roleClerk = "khenthuong_chuyenvien"
	roleHead  = "khenthuong_lanhdao"
)

// changeChannel is the LISTEN/NOTIFY channel of committed writes.
const changeChannel = "khenthuong_changes"

var migrations = []string{
	// 1: the whole data set, the rights and the change notification.
	`
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE settings (
	id   int PRIMARY KEY CHECK (id = 1),
	data jsonb NOT NULL
);

CREATE TABLE forms (
	code text PRIMARY KEY,
	rank int NOT NULL,
	data jsonb NOT NULL
);

CREATE TABLE campaigns (
	id         bigserial PRIMARY KEY,
	data       jsonb NOT NULL,
	created_at timestamptz NOT NULL
);

CREATE TABLE nominees (
	id   bigserial PRIMARY KEY,
	data jsonb NOT NULL
);

CREATE TABLE nominations (
	id          bigserial PRIMARY KEY,
	campaign_id bigint NOT NULL REFERENCES campaigns (id),
	nominee_id  bigint NOT NULL REFERENCES nominees (id),
	form_code   text NOT NULL,
	kind        text NOT NULL,
	status      text NOT NULL,
	ord         int NOT NULL,
	folded_name text NOT NULL,  -- vntext.Fold(name)
	search_text text NOT NULL,  -- folded name, unit and position, for word search
	name_key    bytea NOT NULL, -- Vietnamese collation; people by given, middle, family name
	unit_key    bytea NOT NULL,
	proposer    text NOT NULL,
	created_at  timestamptz NOT NULL,
	updated_at  timestamptz NOT NULL,
	updated_by  text NOT NULL,
	version     bigint NOT NULL DEFAULT 1,
	data        jsonb NOT NULL
);
CREATE INDEX nominations_list ON nominations (campaign_id, ord, id);
CREATE INDEX nominations_folded_name ON nominations (folded_name);
CREATE INDEX nominations_nominee ON nominations (nominee_id);
CREATE INDEX nominations_form ON nominations (form_code);
CREATE INDEX nominations_search ON nominations USING gin (search_text gin_trgm_ops);

CREATE TABLE nominee_distinct (
	a bigint NOT NULL,
	b bigint NOT NULL,
	PRIMARY KEY (a, b),
	CHECK (a < b)
);

CREATE TABLE decisions (
	id          bigserial PRIMARY KEY,
	campaign_id bigint NOT NULL REFERENCES campaigns (id),
	form_code   text NOT NULL,
	status      text NOT NULL,
	date        text NOT NULL, -- ISO date, "" when not yet set
	created_at  timestamptz NOT NULL,
	data        jsonb NOT NULL -- without its recipients
);
CREATE INDEX decisions_campaign ON decisions (campaign_id);

CREATE TABLE recipients (
	decision_id   bigint NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	pos           int NOT NULL,
	nomination_id bigint NOT NULL REFERENCES nominations (id),
	kind          text NOT NULL,
	amount        bigint NOT NULL,
	registry_no   text,
	data          jsonb NOT NULL,
	PRIMARY KEY (decision_id, pos)
);
-- a nomination is in at most one decision
CREATE UNIQUE INDEX recipients_nomination ON recipients (nomination_id);

CREATE TABLE series (
	code text PRIMARY KEY,
	data jsonb NOT NULL
);

-- the last registry number drawn per RegistrySeries.CounterKey; issuing locks the row
CREATE TABLE registry_counters (
	key  text PRIMARY KEY,
	last bigint NOT NULL
);

CREATE TABLE templates (
	form_code text PRIMARY KEY,
	data      bytea NOT NULL
);

CREATE TABLE printers (
	folded_name text PRIMARY KEY,
	data        jsonb NOT NULL
);

CREATE TABLE audit (
	id      bigserial PRIMARY KEY,
	at      timestamptz NOT NULL,
	login   text NOT NULL DEFAULT session_user,
	entity  text NOT NULL,
	key     text NOT NULL,
	action  text NOT NULL,
	changes jsonb,
	before  jsonb,
	after   jsonb
);
CREATE INDEX audit_record ON audit (entity, key, id);
CREATE INDEX audit_login ON audit (login, id);
CREATE INDEX audit_at ON audit (at);

-- Every write has its audit record, so one trigger tells every listening
-- window, after commit, what changed (writes made with psql included). A
-- statement writing many records (an import) sends one notice per entity
-- with an empty key instead of thousands.
CREATE FUNCTION khenthuong_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	IF (SELECT count(*) FROM new_rows) <= 20 THEN
		FOR r IN SELECT entity, key, login, at FROM new_rows ORDER BY id LOOP
			PERFORM pg_notify('` + changeChannel + `', json_build_object(
				'entity', r.entity, 'key', r.key, 'user', r.login, 'at', r.at)::text);
		END LOOP;
	ELSE
		FOR r IN SELECT entity, min(login) AS login, max(at) AS at FROM new_rows GROUP BY entity LOOP
			PERFORM pg_notify('` + changeChannel + `', json_build_object(
				'entity', r.entity, 'key', '', 'user', r.login, 'at', r.at)::text);
		END LOOP;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER audit_notify AFTER INSERT ON audit REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION khenthuong_notify_change();

-- The role of the session's login, for the window and the CLI: the login
-- itself may not read pg_auth_members of other logins, so the function runs
-- as its owner and answers only for session_user.
CREATE FUNCTION khenthuong_my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog AS $$
	SELECT CASE
		WHEN pg_has_role(session_user, '` + roleHead + `', 'MEMBER') THEN 'lanhdao'
		WHEN pg_has_role(session_user, '` + roleClerk + `', 'MEMBER') THEN 'chuyenvien'
		ELSE '' END
$$;

-- Rights. Everyone of the office reads everything.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ` + roleClerk + `, ` + roleHead + `;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO ` + roleClerk + `, ` + roleHead + `;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ` + roleClerk + `, ` + roleHead + `;
GRANT EXECUTE ON FUNCTION khenthuong_my_role() TO ` + roleClerk + `, ` + roleHead + `;
-- A chuyên viên prepares: campaigns, nominations, review, drafts.
GRANT INSERT, UPDATE, DELETE ON campaigns, nominees, nominations, nominee_distinct, decisions, recipients
	TO ` + roleClerk + `;
-- A lãnh đạo also issues and keeps the catalogue, the registry and the settings.
GRANT INSERT, UPDATE, DELETE ON campaigns, nominees, nominations, nominee_distinct, decisions, recipients,
	forms, series, registry_counters, settings, templates, printers TO ` + roleHead + `;
GRANT INSERT ON audit TO ` + roleClerk + `, ` + roleHead + `;

ALTER TABLE decisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY decisions_read ON decisions FOR SELECT USING (true);
CREATE POLICY decisions_head ON decisions FOR ALL TO ` + roleHead + ` USING (true) WITH CHECK (true);
CREATE POLICY decisions_clerk ON decisions FOR ALL TO ` + roleClerk + `
	USING (status = 'draft') WITH CHECK (status = 'draft');

ALTER TABLE recipients ENABLE ROW LEVEL SECURITY;
CREATE POLICY recipients_read ON recipients FOR SELECT USING (true);
CREATE POLICY recipients_head ON recipients FOR ALL TO ` + roleHead + ` USING (true) WITH CHECK (true);
CREATE POLICY recipients_clerk ON recipients FOR ALL TO ` + roleClerk + `
	USING (EXISTS (SELECT 1 FROM decisions d WHERE d.id = decision_id AND d.status = 'draft'))
	WITH CHECK (registry_no IS NULL AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = decision_id AND d.status = 'draft'));

ALTER TABLE nominations ENABLE ROW LEVEL SECURITY;
CREATE POLICY nominations_read ON nominations FOR SELECT USING (true);
CREATE POLICY nominations_head ON nominations FOR ALL TO ` + roleHead + ` USING (true) WITH CHECK (true);
CREATE POLICY nominations_clerk_insert ON nominations FOR INSERT TO ` + roleClerk + ` WITH CHECK (true);
CREATE POLICY nominations_clerk_change ON nominations FOR UPDATE TO ` + roleClerk + `
	USING (NOT EXISTS (SELECT 1 FROM recipients r JOIN decisions d ON d.id = r.decision_id
		WHERE r.nomination_id = nominations.id AND d.status <> 'draft'));
CREATE POLICY nominations_clerk_delete ON nominations FOR DELETE TO ` + roleClerk + `
	USING (NOT EXISTS (SELECT 1 FROM recipients r WHERE r.nomination_id = nominations.id));

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit FOR SELECT USING (true);
CREATE POLICY audit_own ON audit FOR INSERT TO ` + roleClerk + `, ` + roleHead + ` WITH CHECK (login = session_user);
`,
	// 2: search as the clerk types, answered as the owner (search.go).
	searchMigration,
	// 3: search by the letter runs of the words (search_grams.go).
	gramsMigration,
}
