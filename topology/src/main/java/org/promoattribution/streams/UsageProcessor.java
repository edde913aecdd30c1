package org.promoattribution.streams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.promoattribution.config.UsageSettings;
import org.promoattribution.metrics.AttributionMetrics;
import org.promoattribution.schemas.PromoCodeUsage;
import org.promoattribution.state.InternalAvro;
import org.promoattribution.state.StoreNames;
import org.promoattribution.usage.UsageContribution;
import org.promoattribution.usage.UsageFigures;
import org.promoattribution.usage.UsageKey;

/**
 * Keeps the figures of the (definition, day) pairs of one partition and writes each new value
 * to promo-code-usage, in the transaction that consumed the contribution (SPEC "Promo-code usage
 * and leaks"). The store is keyed day first ({@code yyyy-MM-dd|promoCodeId}), so the days that
 * fall out of usage.retention are one range at its start; the latest day kept is the partition's
 * latest day, which is read back from the store after a restart.
 */
final class UsageProcessor implements Processor<String, UsageContribution, String, PromoCodeUsage> {
    private static final InternalAvro<PromoCodeUsage> FIGURES = new InternalAvro<>(PromoCodeUsage.class);
    private final UsageSettings settings;
    private final AttributionMetrics metrics;
    private ProcessorContext<String, PromoCodeUsage> context;
    private KeyValueStore<String, byte[]> figures;
    private LocalDate latestDay;

    UsageProcessor(UsageSettings settings, AttributionMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, PromoCodeUsage> context) {
        this.context = context;
        figures = context.getStateStore(StoreNames.CODE_USAGE);
        try (KeyValueIterator<String, byte[]> last = figures.reverseAll()) {
            latestDay = last.hasNext() ? day(last.next().key) : null;
        }
    }

    @Override
    public void process(Record<String, UsageContribution> record) {
        UsageContribution contribution = record.value();
        LocalDate day = contribution.key().day();
        if (latestDay == null || day.isAfter(latestDay)) {
            latestDay = day;
            forgetBefore(oldestKept());
        } else if (day.isBefore(oldestKept())) {
            // Its figures were forgotten: counting again from zero would overwrite the day's truth with less.
            metrics.expiredUsage(contribution.uses());
            return;
        }
        String storeKey = day + "|" + contribution.key().promoCodeId();
        byte[] stored = figures.get(storeKey);
        PromoCodeUsage before = stored == null ? null : FIGURES.decode(stored);
        PromoCodeUsage after = UsageFigures.add(before, contribution, settings.leakRule());
        figures.put(storeKey, FIGURES.encode(after));
        if (after.getLeaking() && (before == null || !before.getLeaking())) {
            metrics.codeLeaking(after.getProgramId());
        }
        context.forward(record.withKey(contribution.key().topicKey()).withValue(after));
    }

    private LocalDate oldestKept() {
        return latestDay.minusDays(settings.retentionDays());
    }

    private void forgetBefore(LocalDate oldest) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = figures.range(null, oldest.toString())) {
            while (it.hasNext()) {
                expired.add(it.next().key);
            }
        }
        expired.forEach(figures::delete);
    }

    private static LocalDate day(String storeKey) {
        return LocalDate.parse(storeKey.substring(0, storeKey.indexOf('|')));
    }
}
