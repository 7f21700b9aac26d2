import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Keeps `loyalty_account.balance` (written by hand: triggers are not generated from models).
 *
 * The balance is what `LoyaltyBalance.available` counts: an entry adds its points while it is live
 * (not soft-deleted) and either available or a redemption pending on a cart. A trigger on the
 * ledger, rather than an update beside each write in the application, because the ledger is written
 * from many places: the service's generated create/update/delete/restore, set-based statements (the
 * release of due points, the release on payment), merges that move entries between accounts,
 * erasure's deletes, and bulk loads of a whole store. The trigger sees all of them, in their own
 * transaction, so the balance can never disagree with the ledger.
 *
 * Statement-level, with transition tables: one statement that changes many entries (a release of
 * thousands of due points, a merge) updates each account once, with the sum of its changes, and
 * locks the accounts in id order first so that two such statements cannot deadlock each other.
 * Rows whose points do not move (descriptions anonymized, dates set) change no account.
 */
const CONTRIBUTION = (r: string) =>
  `CASE WHEN ${r}.deleted_at IS NULL AND (${r}.status = 'available' OR (${r}.status = 'pending' AND ${r}.type = 'redeem'))
    THEN ${r}.points ELSE 0 END`

const APPLY = (changes: string) => `
    SELECT array_agg(account_id ORDER BY account_id), array_agg(delta ORDER BY account_id) INTO ids, deltas
      FROM (SELECT account_id, SUM(delta) AS delta FROM (${changes}) c
             WHERE account_id IS NOT NULL GROUP BY account_id HAVING SUM(delta) <> 0) d;`

export class Migration20261205050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
CREATE OR REPLACE FUNCTION loyalty_entry_keep_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  deltas numeric[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${APPLY(`SELECT n.account_id, ${CONTRIBUTION("n")} AS delta FROM loyalty_entry_new n`)}
  ELSIF TG_OP = 'UPDATE' THEN
    ${APPLY(`SELECT o.account_id, -(${CONTRIBUTION("o")}) AS delta FROM loyalty_entry_old o
       UNION ALL SELECT n.account_id, ${CONTRIBUTION("n")} FROM loyalty_entry_new n`)}
  ELSE
    ${APPLY(`SELECT o.account_id, -(${CONTRIBUTION("o")}) AS delta FROM loyalty_entry_old o`)}
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  -- NO KEY UPDATE, not UPDATE: every inserted row's foreign key already holds KEY SHARE on its
  -- account, and FOR UPDATE would wait for the other inserters' KEY SHARE while they wait for it
  -- (200 parallel redemptions deadlocked a quarter of their requests). It still queues writers.
  PERFORM 1 FROM loyalty_account WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE loyalty_account a
     SET balance = a.balance + d.delta,
         raw_balance = jsonb_build_object('value', (a.balance + d.delta)::text, 'precision', 20)
    FROM unnest(ids, deltas) AS d(id, delta)
   WHERE a.id = d.id;
  RETURN NULL;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_entry_balance_insert ON loyalty_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_entry_balance_update ON loyalty_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_entry_balance_delete ON loyalty_entry;`)
    this.addSql(`CREATE TRIGGER loyalty_entry_balance_insert AFTER INSERT ON loyalty_entry
      REFERENCING NEW TABLE AS loyalty_entry_new FOR EACH STATEMENT EXECUTE FUNCTION loyalty_entry_keep_balance();`)
    this.addSql(`CREATE TRIGGER loyalty_entry_balance_update AFTER UPDATE ON loyalty_entry
      REFERENCING OLD TABLE AS loyalty_entry_old NEW TABLE AS loyalty_entry_new
      FOR EACH STATEMENT EXECUTE FUNCTION loyalty_entry_keep_balance();`)
    this.addSql(`CREATE TRIGGER loyalty_entry_balance_delete AFTER DELETE ON loyalty_entry
      REFERENCING OLD TABLE AS loyalty_entry_old FOR EACH STATEMENT EXECUTE FUNCTION loyalty_entry_keep_balance();`)
    // Nothing else writes the balance: a statement from the application (an ORM flush of a stale
    // account, a bulk load) keeps the stored value; a new account starts at 0 and its entries add
    // up. A recount sets `crm.recount` for its transaction (as below).
    this.addSql(`
CREATE OR REPLACE FUNCTION loyalty_account_guard_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 AND current_setting('crm.recount', true) IS DISTINCT FROM 'on' THEN
    IF TG_OP = 'INSERT' THEN
      NEW.balance := 0;
      NEW.raw_balance := '{"value": "0", "precision": 20}'::jsonb;
    ELSE
      NEW.balance := OLD.balance;
      NEW.raw_balance := OLD.raw_balance;
    END IF;
  END IF;
  RETURN NEW;
END $$;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_account_balance_guard ON loyalty_account;`)
    this.addSql(`CREATE TRIGGER loyalty_account_balance_guard BEFORE INSERT OR UPDATE ON loyalty_account
      FOR EACH ROW EXECUTE FUNCTION loyalty_account_guard_balance();`)
    // The balances of the ledger as it stands.
    this.addSql(`SELECT set_config('crm.recount', 'on', true);`)
    this.addSql(`
UPDATE loyalty_account a
   SET balance = s.balance, raw_balance = jsonb_build_object('value', s.balance::text, 'precision', 20)
  FROM (SELECT a2.id, COALESCE(SUM(${CONTRIBUTION("e")}), 0) AS balance
          FROM loyalty_account a2 LEFT JOIN loyalty_entry e ON e.account_id = a2.id
         GROUP BY a2.id) s
 WHERE a.id = s.id AND a.balance IS DISTINCT FROM s.balance;`)
    this.addSql(`SELECT set_config('crm.recount', 'off', true);`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_entry_balance_insert ON loyalty_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_entry_balance_update ON loyalty_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_entry_balance_delete ON loyalty_entry;`)
    this.addSql(`DROP TRIGGER IF EXISTS loyalty_account_balance_guard ON loyalty_account;`)
    this.addSql(`DROP FUNCTION IF EXISTS loyalty_entry_keep_balance();`)
    this.addSql(`DROP FUNCTION IF EXISTS loyalty_account_guard_balance();`)
  }
}
