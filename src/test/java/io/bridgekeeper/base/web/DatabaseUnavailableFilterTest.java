package io.bridgekeeper.base.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import tools.jackson.databind.json.JsonMapper;

class DatabaseUnavailableFilterTest {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(JsonMapper.builder().build(),
            Duration.ofSeconds(7));

    @Test
    void an_unreachable_database_is_told_apart_from_other_failures() {
        assertThat(DatabaseUnavailableFilter.isCause(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("timed out")))).isTrue();
        assertThat(DatabaseUnavailableFilter.isCause(new DataAccessResourceFailureException("terminated",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailableFilter.isCause(new DataAccessResourceFailureException("refused",
                new SQLException("Connection to localhost:5432 refused", "08001")))).isTrue();
        // the rollback on the connection the pool closed hides the first failure
        assertThat(DatabaseUnavailableFilter.isCause(new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();

        assertThat(DatabaseUnavailableFilter.isCause(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailableFilter.isCause(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void an_unreachable_database_is_a_503_problem_with_retry_after() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/decision/v1/authorize"), response, (req, res) -> {
            throw new ServletException(new CannotGetJdbcConnectionException("no connection",
                    new SQLTransientConnectionException("timed out")));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("/problems/database-unavailable");
    }

    @Test
    void other_failures_pass_through_untouched() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("POST", "/api/partner/v1/devices"),
                new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("a bug");
                })).isInstanceOf(IllegalStateException.class);
    }
}
