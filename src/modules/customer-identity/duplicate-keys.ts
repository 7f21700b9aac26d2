import { MIN_DUPLICATE_PHONE_KEY, phoneKeySql } from "../../lib/queries/customer-search"

/**
 * The duplicate keys, kept as data: what the duplicate groups page (`GET /admin/crm/duplicates`)
 * and a customer's possible duplicates read, instead of computing every customer's keys per request.
 *
 * - `customer_duplicate_key (match, key, customer_id, archived)`: each live customer's keys: their
 *   primary and alternate e-mails in lower case (`email`) and their phone's national significant
 *   number (`phone`, see `phoneKey`; six digits or more). Deleted and anonymized customers have
 *   none; archived customers keep theirs, marked `archived` (a customer page still shows them as
 *   possible duplicates, the groups leave them out).
 * - `customer_duplicate_group (match, key, size)`: how many customers that are not archived hold
 *   each key. The groups page is an index read of `size > 1`, largest first, with its count.
 *
 * Postgres triggers keep both up to date, whoever writes: Medusa's routes and workflows, the
 * storefront, guest customers made at checkout (which emit no event), the plugin's alternate
 * e-mails, archive and restore, merges and their undo (a soft delete and its reversal), anonymizing
 * and deleting (the erasure log), bulk SQL and `COPY`. They are statement triggers with transition
 * tables, so a bulk insert refreshes its customers in one set-based pass; a refresh locks the
 * customers it recomputes (in id order), so two transactions changing one customer at once (an
 * e-mail change and a new alternate e-mail) cannot leave a stale key. A `TRUNCATE` of a source
 * table rebuilds everything.
 *
 * Guarded like the list's search indexes (`src/lib/list-search-indexes.ts`): the tables and
 * functions are created whenever this runs; the triggers on a table only once it exists (Medusa's
 * `customer` may be created after the plugin's module migration; the privacy module's erasure log
 * may come after this module's), and the statements run again from the plugin's migration script
 * after every module migrated. Each run rebuilds the keys from the source tables (the backfill),
 * so running them twice changes nothing.
 */

export const DUPLICATE_KEY_TABLE = "customer_duplicate_key"
export const DUPLICATE_GROUP_TABLE = "customer_duplicate_group"

const REFRESH_FUNCTION = "crm_refresh_customer_duplicate_keys"
const REBUILD_FUNCTION = "crm_rebuild_customer_duplicate_keys"

/** The source tables and the customer-id column their triggers refresh. */
const SOURCES: { table: string; column: string; lock: boolean }[] = [
  // The statement that changed these customers holds their rows already.
  { table: "customer", column: "id", lock: false },
  { table: "customer_alternate_email", column: "customer_id", lock: true },
  { table: "customer_archive", column: "customer_id", lock: true },
  { table: "privacy_erasure", column: "customer_id", lock: true },
]

/**
 * The keys customers should have now, as `(match, key, customer_id, archived)`, for the customers
 * `c` that `where` selects, leaving out the erased ones when the erasure log exists (`erasureLog`).
 */
const wantedKeysSql = (where: string, erasureLog: boolean) => `
  WITH live AS (
    SELECT c.id, c.email, c.phone,
      EXISTS (SELECT 1 FROM customer_archive ca WHERE ca.customer_id = c.id AND ca.deleted_at IS NULL) AS archived
    FROM customer c
    WHERE ${where} AND c.deleted_at IS NULL${
      erasureLog ? " AND NOT EXISTS (SELECT 1 FROM privacy_erasure pe WHERE pe.customer_id = c.id AND pe.deleted_at IS NULL)" : ""
    }
  )
  SELECT DISTINCT k.match, k.key, k.customer_id, k.archived FROM (
    SELECT 'email'::text AS match, lower(live.email) AS key, live.id AS customer_id, live.archived FROM live
    WHERE live.email IS NOT NULL AND live.email <> ''
    UNION ALL
    SELECT 'email', lower(a.email), live.id, live.archived
    FROM customer_alternate_email a JOIN live ON live.id = a.customer_id WHERE a.deleted_at IS NULL
    UNION ALL
    SELECT 'phone', ${phoneKeySql("live.phone")}, live.id, live.archived FROM live WHERE live.phone IS NOT NULL
  ) k
  WHERE k.match = 'email' OR length(k.key) >= ${MIN_DUPLICATE_PHONE_KEY}`

/**
 * A statement over the wanted keys, once reading the erasure log and once without it (no privacy
 * module): PL/pgSQL plans a statement when it first runs it, so the first branch needs the table
 * only once it exists.
 */
const withErasureLog = (statement: (erasureLog: boolean) => string) => `
  IF to_regclass('privacy_erasure') IS NOT NULL THEN
    ${statement(true)}
  ELSE
    ${statement(false)}
  END IF;`

const TABLE_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS "${DUPLICATE_KEY_TABLE}" (
    match text NOT NULL CHECK (match IN ('email', 'phone')),
    key text NOT NULL,
    customer_id text NOT NULL,
    archived boolean NOT NULL DEFAULT false,
    CONSTRAINT "${DUPLICATE_KEY_TABLE}_pkey" PRIMARY KEY (match, key, customer_id)
  );`,
  `CREATE INDEX IF NOT EXISTS "IDX_${DUPLICATE_KEY_TABLE}_customer_id" ON "${DUPLICATE_KEY_TABLE}" (customer_id);`,
  `CREATE TABLE IF NOT EXISTS "${DUPLICATE_GROUP_TABLE}" (
    match text NOT NULL,
    key text NOT NULL,
    -- No CHECK on size: Postgres checks an upsert's proposed row (a decrement, -1) before it updates.
    size integer NOT NULL,
    CONSTRAINT "${DUPLICATE_GROUP_TABLE}_pkey" PRIMARY KEY (match, key)
  );`,
  // The groups page: groups of two or more, largest first, then by match and key.
  `CREATE INDEX IF NOT EXISTS "IDX_${DUPLICATE_GROUP_TABLE}_size" ON "${DUPLICATE_GROUP_TABLE}" (size DESC, match, key) WHERE size > 1;`,
]

/** The refresh's one statement: the customers' keys brought to what they should be, with the group sizes. */
const refreshSql = (erasureLog: boolean) => `
  WITH wanted AS (${wantedKeysSql("c.id = ANY(customer_ids)", erasureLog)}),
  gone AS (
    DELETE FROM "${DUPLICATE_KEY_TABLE}" d
    WHERE d.customer_id = ANY(customer_ids)
      AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.match = d.match AND w.key = d.key AND w.customer_id = d.customer_id)
    RETURNING d.match, d.key, CASE WHEN d.archived THEN 0 ELSE -1 END AS delta
  ),
  changed AS (
    UPDATE "${DUPLICATE_KEY_TABLE}" d SET archived = w.archived
    FROM wanted w
    WHERE d.customer_id = ANY(customer_ids) AND w.match = d.match AND w.key = d.key AND w.customer_id = d.customer_id
      AND d.archived <> w.archived
    RETURNING d.match, d.key, CASE WHEN w.archived THEN -1 ELSE 1 END AS delta
  ),
  added AS (
    INSERT INTO "${DUPLICATE_KEY_TABLE}" (match, key, customer_id, archived)
    SELECT w.match, w.key, w.customer_id, w.archived FROM wanted w
    ON CONFLICT (match, key, customer_id) DO NOTHING
    RETURNING match, key, CASE WHEN archived THEN 0 ELSE 1 END AS delta
  ),
  deltas AS (
    SELECT match, key, sum(delta)::int AS delta
    FROM (SELECT * FROM gone UNION ALL SELECT * FROM changed UNION ALL SELECT * FROM added) x
    GROUP BY match, key HAVING sum(delta) <> 0
  ),
  -- In key order, so two refreshes that touch the same groups take their locks in one order.
  counted AS (
    INSERT INTO "${DUPLICATE_GROUP_TABLE}" AS g (match, key, size)
    SELECT match, key, delta FROM deltas ORDER BY match, key
    ON CONFLICT (match, key) DO UPDATE SET size = g.size + EXCLUDED.size
    RETURNING g.match, g.key, g.size
  )
  SELECT coalesce(array_agg(match), '{}'), coalesce(array_agg(key), '{}') INTO emptied_match, emptied_key
  FROM counted WHERE size <= 0;`

/**
 * The functions reference Medusa's `customer` only when they run (PL/pgSQL plans a statement on
 * first use), and the erasure log only when it exists, so creating them needs neither table.
 */
const FUNCTION_STATEMENTS = [
  // One plan for every call: re-planning the statement below for each customer's ids costs more
  // than running it (the plan is index lookups by customer id, whatever the number of ids).
  `CREATE OR REPLACE FUNCTION ${REFRESH_FUNCTION}(customer_ids text[], lock_customers boolean) RETURNS void
  LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $fn$
DECLARE
  emptied_match text[];
  emptied_key text[];
BEGIN
  customer_ids := ARRAY(SELECT DISTINCT u FROM unnest(customer_ids) u WHERE u IS NOT NULL ORDER BY u);
  IF cardinality(customer_ids) = 0 THEN
    RETURN;
  END IF;
  -- Whoever changes one of these customers at the same time waits, and this refresh (each of
  -- its statements sees what was committed before it ran) then reads their change.
  IF lock_customers THEN
    PERFORM 1 FROM customer WHERE id = ANY(customer_ids) ORDER BY id FOR NO KEY UPDATE;
  END IF;
  ${withErasureLog(refreshSql)}
  IF cardinality(emptied_match) > 0 THEN
    DELETE FROM "${DUPLICATE_GROUP_TABLE}" g
    USING unnest(emptied_match, emptied_key) AS e(match, key)
    WHERE g.match = e.match AND g.key = e.key AND g.size <= 0;
  END IF;
END
$fn$;`,
  `CREATE OR REPLACE FUNCTION ${REBUILD_FUNCTION}() RETURNS void
  LANGUAGE plpgsql AS $fn$
BEGIN
  -- Writers' refreshes wait until the rebuilt keys are committed, then apply their own change.
  LOCK TABLE "${DUPLICATE_KEY_TABLE}", "${DUPLICATE_GROUP_TABLE}" IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM "${DUPLICATE_GROUP_TABLE}";
  DELETE FROM "${DUPLICATE_KEY_TABLE}";
  IF to_regclass('customer') IS NULL OR to_regclass('customer_alternate_email') IS NULL
     OR to_regclass('customer_archive') IS NULL THEN
    RETURN;
  END IF;
  ${withErasureLog(
    (erasureLog) => `INSERT INTO "${DUPLICATE_KEY_TABLE}" (match, key, customer_id, archived)
    ${wantedKeysSql("true", erasureLog)};`
  )}
  INSERT INTO "${DUPLICATE_GROUP_TABLE}" (match, key, size)
  SELECT match, key, count(*) FILTER (WHERE NOT archived) FROM "${DUPLICATE_KEY_TABLE}"
  GROUP BY match, key HAVING count(*) FILTER (WHERE NOT archived) > 0;
END
$fn$;`,
  // One trigger function per source table and event: the changed customers from the transition
  // tables. An update of a customer refreshes only when its e-mail, phone or deletion changed.
  ...SOURCES.flatMap(({ table, column, lock }) => [
    `CREATE OR REPLACE FUNCTION crm_dupkeys_${table}_ins() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ${REFRESH_FUNCTION}(ARRAY(SELECT ${column} FROM new_rows), ${lock});
  RETURN NULL;
END
$fn$;`,
    `CREATE OR REPLACE FUNCTION crm_dupkeys_${table}_del() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ${REFRESH_FUNCTION}(ARRAY(SELECT ${column} FROM old_rows), ${lock});
  RETURN NULL;
END
$fn$;`,
    `CREATE OR REPLACE FUNCTION crm_dupkeys_${table}_upd() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ${REFRESH_FUNCTION}(ARRAY(
    ${
      table === "customer"
        ? `SELECT coalesce(n.id, o.id) FROM new_rows n FULL JOIN old_rows o ON o.id = n.id
    WHERE n.id IS NULL OR o.id IS NULL OR o.email IS DISTINCT FROM n.email
      OR o.phone IS DISTINCT FROM n.phone OR o.deleted_at IS DISTINCT FROM n.deleted_at`
        : `SELECT ${column} FROM new_rows UNION SELECT ${column} FROM old_rows`
    }
  ), ${lock});
  RETURN NULL;
END
$fn$;`,
  ]),
  `CREATE OR REPLACE FUNCTION crm_dupkeys_truncated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ${REBUILD_FUNCTION}();
  RETURN NULL;
END
$fn$;`,
]

/**
 * The triggers on one source table, created (again, idempotently) only when it exists and so do the
 * tables a refresh reads: without Medusa's `customer` (this module tested on its own) there are none.
 */
const triggerStatement = ({ table }: { table: string }) => `DO $$
BEGIN
  IF to_regclass('public."${table}"') IS NOT NULL AND to_regclass('public.customer') IS NOT NULL
     AND to_regclass('public.customer_alternate_email') IS NOT NULL AND to_regclass('public.customer_archive') IS NOT NULL THEN
    DROP TRIGGER IF EXISTS crm_dupkeys_ins ON "${table}";
    DROP TRIGGER IF EXISTS crm_dupkeys_upd ON "${table}";
    DROP TRIGGER IF EXISTS crm_dupkeys_del ON "${table}";
    DROP TRIGGER IF EXISTS crm_dupkeys_truncate ON "${table}";
    CREATE TRIGGER crm_dupkeys_ins AFTER INSERT ON "${table}"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_dupkeys_${table}_ins();
    CREATE TRIGGER crm_dupkeys_upd AFTER UPDATE ON "${table}"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_dupkeys_${table}_upd();
    CREATE TRIGGER crm_dupkeys_del AFTER DELETE ON "${table}"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION crm_dupkeys_${table}_del();
    CREATE TRIGGER crm_dupkeys_truncate AFTER TRUNCATE ON "${table}"
      FOR EACH STATEMENT EXECUTE FUNCTION crm_dupkeys_truncated();
  END IF;
END $$;`

/**
 * Everything, in order: tables, functions, the triggers on each source table that exists, then
 * the backfill (a rebuild from the source tables).
 */
export const DUPLICATE_KEY_STATEMENTS = [
  ...TABLE_STATEMENTS,
  ...FUNCTION_STATEMENTS,
  ...SOURCES.map(triggerStatement),
  `SELECT ${REBUILD_FUNCTION}();`,
]

/** Undoes `DUPLICATE_KEY_STATEMENTS`: triggers, functions and tables. */
export const DUPLICATE_KEY_DROP_STATEMENTS = [
  ...SOURCES.map(
    ({ table }) => `DO $$
BEGIN
  IF to_regclass('public."${table}"') IS NOT NULL THEN
    DROP TRIGGER IF EXISTS crm_dupkeys_ins ON "${table}";
    DROP TRIGGER IF EXISTS crm_dupkeys_upd ON "${table}";
    DROP TRIGGER IF EXISTS crm_dupkeys_del ON "${table}";
    DROP TRIGGER IF EXISTS crm_dupkeys_truncate ON "${table}";
  END IF;
END $$;`
  ),
  ...SOURCES.flatMap(({ table }) =>
    ["ins", "upd", "del"].map((event) => `DROP FUNCTION IF EXISTS crm_dupkeys_${table}_${event}();`)
  ),
  `DROP FUNCTION IF EXISTS crm_dupkeys_truncated();`,
  `DROP FUNCTION IF EXISTS ${REFRESH_FUNCTION}(text[], boolean);`,
  `DROP FUNCTION IF EXISTS ${REBUILD_FUNCTION}();`,
  `DROP TABLE IF EXISTS "${DUPLICATE_GROUP_TABLE}";`,
  `DROP TABLE IF EXISTS "${DUPLICATE_KEY_TABLE}";`,
]
