package org.promoattribution.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.promoattribution.schemas.LineItem;

/**
 * The lines of a generated order: one to three items of a few categories whose total is the
 * order's amount exactly (the last line takes what the others leave), as an order system sends them.
 */
final class OrderItems {
    static final String SHOES = "shoes";
    static final String BOOKS = "books";
    private static final List<String> CATEGORIES = List.of(SHOES, "bags", BOOKS, "toys");

    private OrderItems() {
    }

    static List<LineItem> of(BigDecimal amount, Random random) {
        int lines = 1 + random.nextInt(3);
        List<LineItem> items = new ArrayList<>(lines);
        BigDecimal left = amount;
        for (int i = 0; i < lines; i++) {
            boolean last = i == lines - 1;
            BigDecimal price = last ? left
                    : left.multiply(BigDecimal.valueOf(random.nextInt(60) + 20, 2)).setScale(2, RoundingMode.DOWN);
            left = left.subtract(price);
            String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            items.add(LineItem.newBuilder().setSku(category + "-" + (1 + random.nextInt(200))).setCategory(category)
                    .setQuantity(1).setUnitPrice(price.setScale(4)).build());
        }
        return items;
    }
}
