package io.bridgekeeper.audit;

/** Actions that only tests record, so the audit log's own tests need no other module. */
public enum TestAuditAction implements AuditAction {
    TEST_FIRST,
    TEST_SECOND,
    TEST_IMMUTABLE,
    TEST_ALONE,
    TEST_ROLLBACK,
    TEST_SEARCH,
    TEST_PARALLEL,
    TEST_REHASH_NEXT,
    TEST_REHASH_VICTIM,
    TEST_TAMPER_AFTER,
    TEST_TAMPER_BEFORE,
    TEST_TAMPER_VICTIM,
    TEST_VERIFY_INTACT,
    TEST_ARCHIVED,
    X
}
