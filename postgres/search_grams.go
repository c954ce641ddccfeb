package postgres

import "strings"

// Search by the letter pairs, triples and quadruples of the words (schema
// version 3).
//
// The trigram index of migration 2 missed 30 ms where every query word is
// common but the words together are rare ("Nguyễn Thị Ngọc Tú": 1,047 of
// 1,000,000): the trigram intersection alone took 13 ms, and since a
// trigram match only suggests a LIKE match, the 5,890 candidates it left
// were each read back and rechecked (14 ms), and then, with more matches
// than the count's bound, the page walked the list until its last row (10 to
// 25 ms). A word of two letters ("tú", "lê", "hà") has no trigram at all.
//
// A query word has no space, so it matches inside one word of the search
// text (search_text's fields are joined by "|", here a separator too).
// khenthuong_grams lists every run of 2, 3 and 4 letters inside a word of
// the text, and a GIN index on it answers "holds these runs": exactly the
// rows that hold a query word of 2 to 4 letters, with nothing to recheck; a
// longer word is looked up by its first four letters, then checked with LIKE. A word of one letter, or with
// a separator or a LIKE wildcard in it, is tested by LIKE alone. The index
// is smaller than the trigram one it replaces (59 MB against 72 MB at
// 1,000,000) and its statistics give the planner each run's frequency.
//
// How the function finds a page, by the runs' frequencies in the index's
// statistics (their product is the matches expected; under row security the
// planner would not see them, as the owner it does not need to guess):
//   - common words: walk the list index, testing LIKE, until count_limit+1
//     matches; they give the bounded count and any page among them;
//   - few expected: every match from the index at once (at most eight times
//     the bound), sorted in the page's order and counted: "Nguyễn Thị Ngọc
//     Tú" is 1,047 rows read and sorted instead of a walk to its page;
//   - in between: any count_limit+1 matches from the index, then the page
//     walks the list only as far as the found match it would end on.
// Which costs less is reckoned with figures measured at 1,000,000 rows (µs
// per row walked, per row of the rarest run in the index, per match read).
// Sorted by name past the bound, the matches come sorted from the index or
// by walking the name index of the search table, which now carries the
// name's sort key. The list and name indexes hold the folded text too, so
// that a walk in either order reads the index alone. A plan never tests the runs row by row: their function is
// declared costly, and the index's matches are taken in a subquery.

// gramsMigration (3): the index of letter runs, which replaces the trigram
// index of nomination_search, and the search function that uses it.
var gramsMigration = `
-- Every run of 2 to 4 letters inside a word of the text; the index drops
-- repeats. No office login calls it: the index is written by the owner's
-- trigger and read through khenthuong_search. Its cost (20 µs a row) is
-- declared high so that no plan tests it row by row: only the index does.
CREATE FUNCTION khenthuong_grams(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 100000 AS $$
DECLARE
	w text;
	n int;
	r text[] := '{}';
BEGIN
	FOREACH w IN ARRAY pg_catalog.string_to_array(pg_catalog.translate(t, '|', ' '), ' ') LOOP
		n := pg_catalog.length(w);
		FOR i IN 1 .. n - 1 LOOP
			r := pg_catalog.array_append(r, pg_catalog.substr(w, i, 2));
		END LOOP;
		FOR i IN 1 .. n - 2 LOOP
			r := pg_catalog.array_append(r, pg_catalog.substr(w, i, 3));
		END LOOP;
		FOR i IN 1 .. n - 3 LOOP
			r := pg_catalog.array_append(r, pg_catalog.substr(w, i, 4));
		END LOOP;
	END LOOP;
	RETURN r;
END $$;
REVOKE ALL ON FUNCTION khenthuong_grams FROM PUBLIC;

-- The search table again, with the name's sort key: a page sorted by name
-- is then sorted or walked on it alone, never joined to the whole records.
-- It is derived data, rebuilt from nominations as migration 2 built it.
DROP TABLE nomination_search;
CREATE TABLE nomination_search (
	id          bigint PRIMARY KEY,
	campaign_id bigint NOT NULL,
	ord         int NOT NULL,
	kind        text NOT NULL,
	form_code   text NOT NULL,
	status      text NOT NULL,
	nominee_id  bigint NOT NULL,
	search_text text NOT NULL,
	name_key    bytea NOT NULL
);
INSERT INTO nomination_search
	SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text, name_key FROM nominations
	ORDER BY campaign_id, ord, id;
SET LOCAL maintenance_work_mem = '256MB';
-- the words in the list index too: a walk in list order reads no table rows
CREATE INDEX nomination_search_list ON nomination_search (campaign_id, ord, id) INCLUDE (search_text);
-- and in the name index, with the list order for ties: a walk by name reads no table rows either
CREATE INDEX nomination_search_name ON nomination_search (name_key, campaign_id, ord, id) INCLUDE (search_text);
CREATE INDEX nomination_search_grams ON nomination_search USING gin (khenthuong_grams(search_text));
REVOKE ALL ON nomination_search FROM PUBLIC;
ANALYZE nomination_search;
DROP INDEX nominations_name;

CREATE OR REPLACE FUNCTION khenthuong_search_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_catalog AS $$
BEGIN
	CASE TG_OP
	WHEN 'INSERT' THEN
		INSERT INTO nomination_search
			SELECT id, campaign_id, ord, kind, form_code, status, nominee_id, search_text, name_key FROM new_rows;
	WHEN 'UPDATE' THEN
		-- an update, not a delete and insert: a changed status leaves the indexes alone
		UPDATE nomination_search s SET campaign_id = n.campaign_id, ord = n.ord, kind = n.kind,
			form_code = n.form_code, status = n.status, nominee_id = n.nominee_id, search_text = n.search_text,
			name_key = n.name_key
		FROM new_rows n WHERE s.id = n.id;
	WHEN 'DELETE' THEN
		DELETE FROM nomination_search s USING old_rows o WHERE s.id = o.id;
	ELSE
		TRUNCATE nomination_search;
	END CASE;
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION khenthuong_search(
	campaign bigint, kind text, form text, status text, nominee bigint, words text[],
	sort text, descending boolean, skip int, take int, count_limit int,
	OUT ids bigint[], OUT total bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog
-- a keystroke's query is short: no worker processes taken from the other
-- clerks, no compiling because of the runs' declared cost
SET max_parallel_workers_per_gather = 0 SET jit = off AS $$
DECLARE
	cond text := '(` + searchVisible + `)';
	keys text[] := '{}'; -- letter runs every match holds
	pats text := '';     -- the words the runs leave unproven, as LIKE
	walk text := '';     -- every word as LIKE, for a walk in some order
	via text;            -- the words as the chosen way finds them
	est float8;          -- matches expected; NULL when walking
	tuples float8;       -- rows of the table
	rarest float8;       -- the share of rows holding the rarest run
	elems text[];        -- the runs the statistics list, and their shares
	freqs float4[];
	f float8;
	bound int := coalesce(nullif(count_limit, 0), 1000) + 1;
	row_cost float8;     -- µs to test a row of a walk
	list boolean := coalesce(sort, '') = '';
	src text := 'nomination_search s';
	w text;
	n int;
	key text;
	ord text;
	first text;
	found bigint[];
	edge text;
BEGIN
	skip := coalesce(skip, 0);
` + searchFilters + `	FOR w IN SELECT x FROM (SELECT DISTINCT x FROM unnest(words) AS x) AS d ORDER BY length(x) DESC, x LOOP
		n := length(w);
		walk := walk || ' AND s.search_text LIKE ' || quote_literal('%' || w || '%');
		IF n < 2 OR w <> translate(w, ' |%_' || chr(92), '') THEN
			pats := pats || ' AND s.search_text LIKE ' || quote_literal('%' || w || '%');
		ELSE
			-- a long word by its first four letters, then LIKE
			keys := keys || substr(w, 1, 4);
			IF n > 4 THEN
				pats := pats || ' AND s.search_text LIKE ' || quote_literal('%' || w || '%');
			END IF;
		END IF;
	END LOOP;
	row_cost := 0.1 + 0.07 * coalesce(cardinality(words), 0);
	-- A campaign's rows are few (10,000 to 30,000): walked through the list
	-- index faster than the whole table's index answers a common word.
	IF campaign IS NULL AND cardinality(keys) > 0 THEN
		-- The runs' frequencies from the statistics of their index (a run
		-- missing there is rarer than the rarest listed; without statistics,
		-- every run is rare), multiplied as the planner would.
		SELECT st.most_common_elems::text::text[], st.most_common_elem_freqs INTO elems, freqs
			FROM pg_stats st WHERE st.schemaname = 'public' AND st.tablename = 'nomination_search_grams';
		SELECT greatest(c.reltuples, 1) INTO tuples FROM pg_class c WHERE c.oid = 'nomination_search'::regclass;
		est := tuples;
		rarest := 1;
		FOREACH key IN ARRAY keys LOOP
			f := greatest(1e-9, coalesce(freqs[array_position(elems, key)], freqs[cardinality(elems) + 1] / 2));
			est := est * f;
			rarest := least(rarest, f);
		END LOOP;
		-- Walk the list until bound matches, or build the index's bitmap
		-- (driven by the rarest run) and read the matches it gives. Costs in
		-- µs of backend time measured at 1,000,000 rows: a row walked in the
		-- list index 0.1, and 0.07 a word; a row of the rarest run in the
		-- index 0.15, and 0.015 a run; a match read from the table 1; a row
		-- walked in the name index 1.2. An exact count reads every match: the index.
		IF count_limit > 0 AND bound * tuples / est * row_cost
				< tuples * rarest * (0.15 + 0.015 * cardinality(keys)) + least(est, bound)
				+ (CASE WHEN list AND est > count_limit THEN (skip + coalesce(take, 0)) * tuples / est * row_cost ELSE 0 END) THEN
			est := NULL;
		END IF;
	END IF;
	via := CASE WHEN est IS NULL THEN walk ELSE ' AND khenthuong_grams(s.search_text) @> ' || quote_literal(keys) || '::text[]' || pats END;
` + strings.Replace(searchSortKey, "'n.name_key'", "'s.name_key'", 1) + `	IF est <= 2 * bound OR (est <= 4 * bound AND est < (CASE WHEN list THEN (skip + coalesce(take, 0)) * tuples / est * row_cost ELSE 1e9 END)) THEN
		-- Few expected (or not many, and walking the list to the page's
		-- last row would cost more): every match from the index at once, in
		-- the page's order; at most 8 times the bound, should the runs
		-- together be far commoner than their frequencies multiplied.
		EXECUTE 'SELECT ARRAY(SELECT s.id FROM ' || replace(src, 'nomination_search s',
				'(SELECT * FROM nomination_search s WHERE ' || cond || via || ' LIMIT $6) AS s') || ' ORDER BY ' || ord || ')'
			INTO found USING campaign, kind, form, status, nominee, 8 * bound;
		IF cardinality(found) < 8 * bound THEN
			total := cardinality(found);
			IF count_limit > 0 THEN
				total := least(total, count_limit + 1);
			END IF;
			ids := found[skip + 1 : skip + coalesce(take, cardinality(found))];
			RETURN;
		END IF;
	END IF;
	IF coalesce(count_limit, 0) = 0 THEN
		EXECUTE 'SELECT count(*) FROM nomination_search s WHERE ' || cond || via
			INTO total USING campaign, kind, form, status, nominee;
	ELSE
		-- Up to count_limit+1 matches, put in list order (the page's
		-- direction when the page is in list order): walking, the first ones
		-- in that order; from the index, whichever it meets first.
		first := CASE WHEN descending AND list THEN ord ELSE 's.campaign_id, s.ord, s.id' END;
		EXECUTE 'SELECT ARRAY(SELECT s.id FROM (SELECT s.id, s.campaign_id, s.ord FROM nomination_search s WHERE '
			|| cond || via || CASE WHEN est IS NULL THEN ' ORDER BY ' || first ELSE '' END || ' LIMIT $6) AS s ORDER BY ' || first || ')'
			INTO found USING campaign, kind, form, status, nominee, count_limit + 1;
		total := cardinality(found);
		IF list AND (total <= count_limit OR (est IS NULL AND skip + take <= total)) THEN
			-- The page is among them.
			ids := found[skip + 1 : skip + coalesce(take, total)];
			RETURN;
		ELSIF total <= count_limit THEN
			-- Every match is found, the page is among them.
			EXECUTE 'SELECT ARRAY(SELECT s.id FROM ' || src || ' WHERE s.id = ANY($1) ORDER BY ' || ord
				|| ' OFFSET $2 LIMIT $3)' INTO ids USING found, skip, take;
			RETURN;
		ELSIF list AND skip + take <= total THEN
			-- The page's rows come no later in its order than the found match
			-- it would end on: the walk through the list index stops there.
			SELECT format('(%s, %s, %s)', e.campaign_id, e.ord, e.id) INTO edge FROM nomination_search e
				WHERE e.id = found[skip + take];
			via := walk || ' AND (s.campaign_id, s.ord, s.id) ' || CASE WHEN descending THEN '>= ' ELSE '<= ' END || edge;
			est := NULL;
		END IF;
	END IF;
	IF est IS NOT NULL AND (take IS NULL OR NOT (list OR sort = 'name')
			OR tuples * rarest * (0.15 + 0.015 * cardinality(keys)) + est < (skip + take) * tuples / est * 1.2) THEN
		-- Sorting the index's matches costs less than walking an index in
		-- the page's order (list or name; there is none for the other sorts)
		-- until the page's last row; never a walk testing the runs row by row.
		EXECUTE 'WITH s AS MATERIALIZED (SELECT * FROM nomination_search s WHERE ' || cond || via || ')
			SELECT ARRAY(SELECT s.id FROM ' || replace(src, 'nomination_search s', 's') || ' ORDER BY ' || ord
			|| ' OFFSET $6 LIMIT $7)' INTO ids USING campaign, kind, form, status, nominee, skip, take;
	ELSE
		IF est IS NOT NULL THEN
			via := walk;
		END IF;
		EXECUTE 'SELECT ARRAY(SELECT s.id FROM ' || src || ' WHERE ' || cond || via || ' ORDER BY ' || ord || ' OFFSET $6 LIMIT $7)'
			INTO ids USING campaign, kind, form, status, nominee, skip, take;
	END IF;
END $$;
`
