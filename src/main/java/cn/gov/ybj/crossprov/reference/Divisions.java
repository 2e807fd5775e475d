package cn.gov.ybj.crossprov.reference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Administrative divisions (行政区划, GB/T 2260). */
@Service
public class Divisions {

    private final JdbcClient jdbc;

    Divisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> name(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name FROM app.division WHERE code = ?").param(code).query(String.class).optional();
    }
}
