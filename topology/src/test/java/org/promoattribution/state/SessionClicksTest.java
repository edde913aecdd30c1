package org.promoattribution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promoattribution.testing.Fixtures.click;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.promoattribution.schemas.Click;
import org.promoattribution.testing.AttributionDriver;

/** A session's click history read in pages (the explain API's /explain/session), from the real topology's store. */
class SessionClicksTest {

    private static Click inProgram(String programId, Click click) {
        click.setProgramId(programId);
        return click;
    }

    private static SessionClicks.Page page(AttributionDriver driver, String sessionId, String programId, String cursor,
                                           int limit) {
        KeyValueStore<Bytes, byte[]> sessions = driver.driver().getKeyValueStore(StoreNames.CLICK_SESSIONS);
        KeyValueStore<Bytes, byte[]> clicks = driver.driver().getKeyValueStore(StoreNames.CLICK_HISTORY);
        return SessionClicks.page(sessions, clicks, sessionId, programId, cursor, limit);
    }

    /** Every page from the first, each of at most {@code limit} clicks, as "program/clickId". */
    private static List<List<String>> pages(AttributionDriver driver, String sessionId, String programId, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            SessionClicks.Page page = page(driver, sessionId, programId, cursor, limit);
            pages.add(page.clicks().stream().map(e -> e.programId() + "/" + e.clickId()).toList());
            cursor = page.next();
        } while (cursor != null);
        return pages;
    }

    /**
     * With every click in the click history (0), the session's three acme clicks there and its beta
     * click in its entry (2), and every click in the entries (32).
     */
    @ParameterizedTest(name = "click.inline.max={0}")
    @ValueSource(strings = {"0", "2", "32"})
    void pagesCoverTheSessionOnceInOrderAndEndWithoutACursor(String inlineMax) {
        try (AttributionDriver driver = new AttributionDriver(AttributionDriver.settings("click.inline.max", inlineMax))) {
            driver.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                    click("c2", "s1", "news", "2026-06-01T10:01:00Z"),
                    inProgram("beta", click("b1", "s1", "blog", "2026-06-01T09:00:00Z")),
                    click("c3", "s1", "blog", "2026-06-01T10:02:00Z"),
                    click("o1", "s10", "blog", "2026-06-01T10:00:00Z"), // another session, a longer id
                    click("o2", "s", "blog", "2026-06-01T10:00:00Z")); // and a shorter one
            assertThat(pages(driver, "s1", null, 2)).containsExactly(
                    List.of("acme/c1", "acme/c2"), List.of("acme/c3", "beta/b1"));
            assertThat(pages(driver, "s1", null, 4)).containsExactly(List.of("acme/c1", "acme/c2", "acme/c3", "beta/b1"));
            assertThat(pages(driver, "s1", "acme", 1)).containsExactly(
                    List.of("acme/c1"), List.of("acme/c2"), List.of("acme/c3"));
            assertThat(pages(driver, "s1", "beta", 100)).containsExactly(List.of("beta/b1"));
            assertThat(pages(driver, "nobody", null, 10)).containsExactly(List.of());
        }
    }

    @Test
    void aCursorOfAnotherSessionOrProgramIsRefused() {
        try (AttributionDriver driver = new AttributionDriver()) {
            driver.clicks(click("c1", "s1", "blog", "2026-06-01T10:00:00Z"),
                    click("c2", "s1", "blog", "2026-06-01T10:01:00Z"),
                    click("o1", "s2", "blog", "2026-06-01T10:00:00Z"),
                    click("o2", "s2", "blog", "2026-06-01T10:01:00Z"));
            String ofS2 = page(driver, "s2", null, null, 1).next();

            assertThatThrownBy(() -> page(driver, "s1", null, ofS2, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one of this session's");
            assertThatThrownBy(() -> page(driver, "s2", "beta", ofS2, 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> page(driver, "s1", null, "%%%", 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(page(driver, "s2", "acme", ofS2, 1).clicks()).extracting(SessionClicks.Entry::clickId)
                    .containsExactly("o2");
        }
    }
}
