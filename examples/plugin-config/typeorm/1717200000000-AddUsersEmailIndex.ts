import type { MigrationInterface, QueryRunner } from 'typeorm';

// #region migration
// Runs outside a transaction only when the DataSource uses migrationsTransactionMode 'each'
// (under the default 'all', setting `transaction` at all fails the run).
export class AddUsersEmailIndex1717200000000 implements MigrationInterface {
  public transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_idx" ON "users" ("email")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX CONCURRENTLY IF EXISTS "users_email_idx"');
  }
}
// #endregion migration
