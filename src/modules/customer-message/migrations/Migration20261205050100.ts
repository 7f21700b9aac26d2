import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Keeps a campaign's counts (`customer_campaign.*_count`, written by hand: triggers are not
 * generated from models).
 *
 * Each count is an event an entry records, never a status that passes with time (an entry's
 * `expired` is derived from the clock and stays derived): a live (not soft-deleted) entry counts as
 * - distributed: it came from the distribution (`origin = 'distribution'`), and read once `read_at` is set;
 * - redeemed: for a loyalty offer, a reward bought with points (`origin = 'redemption'`); otherwise
 *   an order used it (`redeemed_at`);
 * - removed (`removed_at`) and e-mailed (`emailed_at`).
 *
 * A trigger, rather than an update beside each write, because entries are written from many places:
 * distribution passes and their compensation, reads, redemptions and their cancellation, removals,
 * e-mail claims and releases, merges that move or hide entries, erasure. Statement-level, with
 * transition tables: a distribution pass of 1,000 entries updates its campaign once; the campaigns
 * are locked in id order first so that statements touching several campaigns cannot deadlock.
 */
const COUNTS = (r: string) => `
  CASE WHEN ${r}.deleted_at IS NULL AND ${r}.origin = 'distribution' THEN 1 ELSE 0 END AS distributed,
  CASE WHEN ${r}.deleted_at IS NULL AND ${r}.origin = 'distribution' AND ${r}.read_at IS NOT NULL THEN 1 ELSE 0 END AS read,
  CASE WHEN ${r}.deleted_at IS NULL AND (CASE WHEN k.kind = 'loyalty_offer' THEN ${r}.origin = 'redemption'
    ELSE ${r}.redeemed_at IS NOT NULL END) THEN 1 ELSE 0 END AS redeemed,
  CASE WHEN ${r}.deleted_at IS NULL AND ${r}.removed_at IS NOT NULL THEN 1 ELSE 0 END AS removed,
  CASE WHEN ${r}.deleted_at IS NULL AND ${r}.emailed_at IS NOT NULL THEN 1 ELSE 0 END AS emailed`

const ROWS = (table: string, sign: 1 | -1) =>
  `SELECT r.campaign_id, ${sign} AS sign, ${COUNTS("r")}
     FROM ${table} r JOIN customer_campaign k ON k.id = r.campaign_id`

const APPLY = (changes: string) => `
    SELECT array_agg(campaign_id ORDER BY campaign_id), array_agg(distributed ORDER BY campaign_id),
           array_agg(read ORDER BY campaign_id), array_agg(redeemed ORDER BY campaign_id),
           array_agg(removed ORDER BY campaign_id), array_agg(emailed ORDER BY campaign_id)
      INTO ids, d_distributed, d_read, d_redeemed, d_removed, d_emailed
      FROM (SELECT campaign_id, SUM(sign * distributed) AS distributed, SUM(sign * read) AS read,
                   SUM(sign * redeemed) AS redeemed, SUM(sign * removed) AS removed, SUM(sign * emailed) AS emailed
              FROM (${changes}) c
             GROUP BY campaign_id) d
     WHERE distributed <> 0 OR read <> 0 OR redeemed <> 0 OR removed <> 0 OR emailed <> 0;`

const RECOUNT = (where: string) => `
UPDATE customer_campaign k
   SET distributed_count = s.distributed, read_count = s.read, redeemed_count = s.redeemed,
       removed_count = s.removed, emailed_count = s.emailed
  FROM (SELECT k2.id,
               COUNT(e.id) FILTER (WHERE e.origin = 'distribution') AS distributed,
               COUNT(e.id) FILTER (WHERE e.origin = 'distribution' AND e.read_at IS NOT NULL) AS read,
               COUNT(e.id) FILTER (WHERE CASE WHEN k2.kind = 'loyalty_offer' THEN e.origin = 'redemption'
                                              ELSE e.redeemed_at IS NOT NULL END) AS redeemed,
               COUNT(e.id) FILTER (WHERE e.removed_at IS NOT NULL) AS removed,
               COUNT(e.id) FILTER (WHERE e.emailed_at IS NOT NULL) AS emailed
          FROM customer_campaign k2
          LEFT JOIN customer_inbox_entry e ON e.campaign_id = k2.id AND e.deleted_at IS NULL
         WHERE ${where}
         GROUP BY k2.id) s
 WHERE k.id = s.id`

export class Migration20261205050100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION customer_inbox_entry_keep_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  d_distributed bigint[];
  d_read bigint[];
  d_redeemed bigint[];
  d_removed bigint[];
  d_emailed bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${APPLY(ROWS("customer_inbox_entry_new", 1))}
  ELSIF TG_OP = 'UPDATE' THEN
    ${APPLY(`${ROWS("customer_inbox_entry_old", -1)} UNION ALL ${ROWS("customer_inbox_entry_new", 1)}`)}
  ELSE
    ${APPLY(ROWS("customer_inbox_entry_old", -1))}
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  -- NO KEY UPDATE, not UPDATE: every inserted row's foreign key already holds KEY SHARE on its
  -- campaign, and FOR UPDATE would wait for the other inserters' KEY SHARE while they wait for it
  -- (200 parallel redemptions deadlocked a quarter of their requests). It still queues writers.
  PERFORM 1 FROM customer_campaign WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE customer_campaign k
     SET distributed_count = k.distributed_count + d.distributed, read_count = k.read_count + d.read,
         redeemed_count = k.redeemed_count + d.redeemed, removed_count = k.removed_count + d.removed,
         emailed_count = k.emailed_count + d.emailed
    FROM unnest(ids, d_distributed, d_read, d_redeemed, d_removed, d_emailed)
         AS d(id, distributed, read, redeemed, removed, emailed)
   WHERE k.id = d.id;
  RETURN NULL;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_inbox_entry_counts_insert ON customer_inbox_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_inbox_entry_counts_update ON customer_inbox_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_inbox_entry_counts_delete ON customer_inbox_entry;`)
    this.addSql(`CREATE TRIGGER customer_inbox_entry_counts_insert AFTER INSERT ON customer_inbox_entry
      REFERENCING NEW TABLE AS customer_inbox_entry_new FOR EACH STATEMENT EXECUTE FUNCTION customer_inbox_entry_keep_counts();`)
    this.addSql(`CREATE TRIGGER customer_inbox_entry_counts_update AFTER UPDATE ON customer_inbox_entry
      REFERENCING OLD TABLE AS customer_inbox_entry_old NEW TABLE AS customer_inbox_entry_new
      FOR EACH STATEMENT EXECUTE FUNCTION customer_inbox_entry_keep_counts();`)
    this.addSql(`CREATE TRIGGER customer_inbox_entry_counts_delete AFTER DELETE ON customer_inbox_entry
      REFERENCING OLD TABLE AS customer_inbox_entry_old FOR EACH STATEMENT EXECUTE FUNCTION customer_inbox_entry_keep_counts();`)

    // Nothing else writes the counts: a statement from the application (an ORM flush of a stale
    // campaign) keeps the stored values and a new campaign starts at 0. "Redeemed" depends on the
    // campaign's kind: a campaign whose kind changes is recounted. A recount sets `crm.recount`
    // for its transaction (as below).
    this.addSql(`
CREATE OR REPLACE FUNCTION customer_campaign_guard_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 AND current_setting('crm.recount', true) IS DISTINCT FROM 'on' THEN
    IF TG_OP = 'INSERT' THEN
      NEW.distributed_count := 0; NEW.read_count := 0; NEW.redeemed_count := 0;
      NEW.removed_count := 0; NEW.emailed_count := 0;
    ELSE
      NEW.distributed_count := OLD.distributed_count; NEW.read_count := OLD.read_count;
      NEW.redeemed_count := OLD.redeemed_count; NEW.removed_count := OLD.removed_count;
      NEW.emailed_count := OLD.emailed_count;
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.kind IS DISTINCT FROM NEW.kind THEN
    NEW.redeemed_count := (SELECT COUNT(*) FROM customer_inbox_entry e
      WHERE e.campaign_id = NEW.id AND e.deleted_at IS NULL
        AND CASE WHEN NEW.kind = 'loyalty_offer' THEN e.origin = 'redemption' ELSE e.redeemed_at IS NOT NULL END);
  END IF;
  RETURN NEW;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_campaign_counts_guard ON customer_campaign;`)
    this.addSql(`CREATE TRIGGER customer_campaign_counts_guard BEFORE INSERT OR UPDATE ON customer_campaign
      FOR EACH ROW EXECUTE FUNCTION customer_campaign_guard_counts();`)

    // The counts of the entries as they stand.
    this.addSql(`SELECT set_config('crm.recount', 'on', true);`)
    this.addSql(`${RECOUNT("true")};`)
    this.addSql(`SELECT set_config('crm.recount', 'off', true);`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS customer_inbox_entry_counts_insert ON customer_inbox_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_inbox_entry_counts_update ON customer_inbox_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_inbox_entry_counts_delete ON customer_inbox_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS customer_campaign_counts_guard ON customer_campaign;`)
    this.addSql(`DROP FUNCTION IF EXISTS customer_inbox_entry_keep_counts();`)
    this.addSql(`DROP FUNCTION IF EXISTS customer_campaign_guard_counts();`)
  }
}
