package postgres

// Search as the clerk types, answered as the schema owner.
//
// Under row security PostgreSQL keeps the column statistics from operators
// that are not leakproof (selfuncs.c, statistic_proc_security_check), and
// LIKE is not: for a chuyên viên or a lãnh đạo the planner cannot tell a
// common word from a rare one, so the page of "tran thi" sorted all 48,809
// trigram candidates (250 ms) where the owner walks the list index (1 ms).
// khenthuong_search runs the same filter as its owner, whom row security
// does not apply to, and returns only the IDs of the page and the bounded
// count; the rows themselves are then read by ID through row security.
//
// What it may reveal is what the read policies show every office login:
// nominations_read is USING (true), nothing is hidden from reading. The
// function still spells out that rule (searchVisible), so that narrowing
// the policy without narrowing the function fails TestSearchFunctionRights.
// It takes values, never SQL: the words become literals, the sort a name
// looked up in a fixed list.

// searchVisible is the rows of nominations an office login may read: the
// USING clause of the nominations_read policy (schema.go, migration 1).
const searchVisible = `true`

// searchMigration (2): the search table, its upkeep, the search function and
// an index for the page sorted by name.
//
// nomination_search holds, per nomination, only what a search filters and
// pages on in list order (137 MB at 1,000,000 nominations against 1.3 GB for
// nominations, whose rows carry the whole record): walking it in list order
// until enough matches, or rechecking trigram candidates on it, reads a
// ninth of the pages. Triggers keep it in step with nominations in the same
// statement (COPY and psql included). No office role may read or write it:
// only the functions below, as its owner.
const searchMigration = `
CREATE TABLE nomination_search (
	id          bigint PRIMARY KEY,
	campaign_id bigint NOT NULL,
	ord         int NOT NULL,
	kind        text NOT NULL,
	form_code   text NOT NULL,
	status      text NOT NULL,
	nominee_id  bigint NOT NULL,
	search_text text NOT NULL
);
INSERT INTO nomination_search
	SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text FROM nominations
	ORDER BY campaign_id, ord, id;
CREATE INDEX nomination_search_list ON nomination_search (campaign_id, ord, id);
CREATE INDEX nomination_search_words ON nomination_search USING gin (search_text gin_trgm_ops);
REVOKE ALL ON nomination_search FROM PUBLIC;
ANALYZE nomination_search;

CREATE INDEX nominations_name ON nominations (name_key);

-- One statement's written rows at once: an import of 10,000 is one INSERT here.
CREATE FUNCTION khenthuong_search_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_catalog AS $$
BEGIN
	CASE TG_OP
	WHEN 'INSERT' THEN
		INSERT INTO nomination_search
			SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text FROM new_rows;
	WHEN 'UPDATE' THEN
		-- an update, not a delete and insert: a changed status leaves the indexes alone
		UPDATE nomination_search s SET campaign_id = n.campaign_id, ord = n.ord, kind = n.kind,
			form_code = n.form_code, status = n.status, nominee_id = n.nominee_id, search_text = n.search_text
		FROM new_rows n WHERE s.id = n.id;
	WHEN 'DELETE' THEN
		DELETE FROM nomination_search s USING old_rows o WHERE s.id = o.id;
	ELSE
		TRUNCATE nomination_search;
	END CASE;
	RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION khenthuong_search_sync() FROM PUBLIC;
CREATE TRIGGER nominations_search_insert AFTER INSERT ON nominations
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION khenthuong_search_sync();
CREATE TRIGGER nominations_search_update AFTER UPDATE ON nominations
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION khenthuong_search_sync();
CREATE TRIGGER nominations_search_delete AFTER DELETE ON nominations
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION khenthuong_search_sync();
CREATE TRIGGER nominations_search_truncate AFTER TRUNCATE ON nominations
	FOR EACH STATEMENT EXECUTE FUNCTION khenthuong_search_sync();

-- The page's IDs and the count of a nomination filter, searched as the owner.
CREATE FUNCTION khenthuong_search(
	campaign bigint, kind text, form text, status text, nominee bigint, words text[],
	sort text, descending boolean, skip int, take int, count_limit int,
	OUT ids bigint[], OUT total bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog
-- a keystroke's query is short: no worker processes taken from the other clerks
SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
	cond text := '(` + searchVisible + `)';
	pats text := ''; -- the words, which the trigram index may serve
	walk text := ''; -- the same words kept out of it, for a walk in some order
	src text := 'nomination_search s';
	w text;
	key text;
	ord text;
	found bigint[];
	edge text;
BEGIN
` + searchFilters + `	-- Each word a literal, so that the planner weighs it against the
	-- statistics; the longest first, as it is likely the rarest.
	FOR w IN SELECT x FROM unnest(words) AS x ORDER BY length(x) DESC, x LOOP
		pats := pats || ' AND s.search_text LIKE ' || quote_literal('%' || w || '%');
		walk := walk || ' AND (s.search_text || '''') LIKE ' || quote_literal('%' || w || '%');
	END LOOP;
	IF campaign IS NOT NULL THEN
		-- A campaign's rows are few (10,000 to 30,000): walked through the
		-- list index faster than the trigram index of the whole table
		-- answers a common word.
		pats := walk;
	END IF;
` + searchSortKey + `	skip := coalesce(skip, 0);
	IF coalesce(count_limit, 0) = 0 THEN
		EXECUTE 'SELECT count(*) FROM nomination_search s WHERE ' || cond || pats
			INTO total USING campaign, kind, form, status, nominee;
	ELSE
		-- Up to count_limit+1 matches in whatever order the server finds
		-- them first (a common word stops early), put in list order.
		EXECUTE 'SELECT ARRAY(SELECT id FROM (SELECT s.id, s.campaign_id, s.ord FROM nomination_search s WHERE '
			|| cond || pats || ' LIMIT $6) AS m ORDER BY campaign_id, ord, id)'
			INTO found USING campaign, kind, form, status, nominee, count_limit + 1;
		total := cardinality(found);
		IF total <= count_limit THEN
			-- Every match is found, the page is among them.
			IF coalesce(sort, '') = '' AND NOT descending THEN
				ids := found[skip + 1 : skip + coalesce(take, total)];
			ELSE
				EXECUTE 'SELECT ARRAY(SELECT s.id FROM ' || src || ' WHERE s.id = ANY($1) ORDER BY ' || ord
					|| ' OFFSET $2 LIMIT $3)' INTO ids USING found, skip, take;
			END IF;
			RETURN;
		END IF;
		IF coalesce(sort, '') = '' AND take IS NOT NULL AND skip + take <= total THEN
			-- The page's rows come no later in list order than the found
			-- match it would end on (no earlier, descending): the walk
			-- through the list index stops there, however rare the words.
			SELECT format('(%s, %s, %s)', e.campaign_id, e.ord, e.id) INTO edge FROM nomination_search e
				WHERE e.id = found[CASE WHEN descending THEN total + 1 - skip - take ELSE skip + take END];
			pats := walk || ' AND (s.campaign_id, s.ord, s.id) ' || CASE WHEN descending THEN '>= ' ELSE '<= ' END || edge;
		END IF;
	END IF;
	EXECUTE 'SELECT ARRAY(SELECT s.id FROM ' || src || ' WHERE ' || cond || pats || ' ORDER BY ' || ord || ' OFFSET $6 LIMIT $7)'
		INTO ids USING campaign, kind, form, status, nominee, skip, take;
END $$;
REVOKE ALL ON FUNCTION khenthuong_search FROM PUBLIC;
GRANT EXECUTE ON FUNCTION khenthuong_search TO ` + roleClerk + `, ` + roleHead + `;
`

// searchSortKey sets ord to the ORDER BY of the sort named sort (an unknown
// name is refused) and joins nominations into src when the key is theirs;
// the search functions of migrations 2 and 3 share it.
const searchSortKey = `	key := CASE coalesce(sort, '')
		WHEN '' THEN 's.campaign_id'
		WHEN 'name' THEN 'n.name_key'
		WHEN 'unit' THEN 'n.unit_key'
		WHEN 'form' THEN 's.form_code'
		WHEN 'status' THEN 'array_position(ARRAY[''draft'',''submitted'',''approved'',''rejected'',''deferred''], s.status)'
		WHEN 'created' THEN 'n.created_at'
		WHEN 'proposer' THEN 'n.proposer'
		-- No column of their own: the matching rows sorted by an expression on
		-- the record, the text ones in ICU's Vietnamese collation (CLDR's rules,
		-- as vntext.SortKey). Birth is ISO text: a year alone before the dates of
		-- that year; unknown is NULL, last.
		WHEN 'kind' THEN 'array_position(ARRAY[''tapthe'',''canhan'',''hogiadinh''], s.kind)'
		WHEN 'title' THEN 'coalesce(n.data->''nominee''->>''title'', '''') COLLATE "vi-x-icu"'
		WHEN 'position' THEN 'coalesce(n.data->''nominee''->>''position'', '''') COLLATE "vi-x-icu"'
		WHEN 'gender' THEN 'array_position(ARRAY[''nam'',''nu''], n.data->''nominee''->>''gender'')'
		WHEN 'birth' THEN 'nullif(n.data->''nominee''->>''birth'', '''') COLLATE "C"'
	END;
	IF key IS NULL THEN
		RAISE EXCEPTION 'khenthuong_search: unknown sort %', sort USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF key LIKE '%n.%' THEN
		src := src || ' JOIN nominations n ON n.id = s.id';
	END IF;
	-- ties stay in list order; the list order descending is itself reversed
	ord := CASE
		WHEN descending AND coalesce(sort, '') = '' THEN 's.campaign_id DESC, s.ord DESC, s.id DESC'
		WHEN descending THEN key || ' DESC, s.campaign_id, s.ord, s.id'
		ELSE key || ', s.campaign_id, s.ord, s.id' END;
`

// searchFilters adds to cond the filters given ($1 to $5).
const searchFilters = `	IF campaign IS NOT NULL THEN cond := cond || ' AND s.campaign_id = $1'; END IF;
	IF kind IS NOT NULL THEN cond := cond || ' AND s.kind = $2'; END IF;
	IF form IS NOT NULL THEN cond := cond || ' AND s.form_code = $3'; END IF;
	IF status IS NOT NULL THEN cond := cond || ' AND s.status = $4'; END IF;
	IF nominee IS NOT NULL THEN cond := cond || ' AND s.nominee_id = $5'; END IF;
`
