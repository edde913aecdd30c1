package org.promoattribution.codes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Values filed under string prefixes; a lookup visits every value whose prefix starts the given text. */
final class PrefixTrie<V> {
    private final Node<V> root = new Node<>();

    void add(String prefix, V value) {
        Node<V> node = root;
        for (int i = 0; i < prefix.length(); i++) {
            node = node.children.computeIfAbsent(prefix.charAt(i), c -> new Node<>());
        }
        node.values.add(value);
    }

    void remove(String prefix, V value) {
        Node<V> node = root;
        List<Node<V>> path = new ArrayList<>();
        for (int i = 0; i < prefix.length() && node != null; i++) {
            path.add(node);
            node = node.children.get(prefix.charAt(i));
        }
        if (node == null) {
            return;
        }
        node.values.remove(value);
        // prune empty branches so that removed patterns leave no lookup cost behind
        for (int i = prefix.length() - 1; i >= 0 && node.isEmpty(); i--) {
            Node<V> parent = path.get(i);
            parent.children.remove(prefix.charAt(i));
            node = parent;
        }
    }

    void forEachPrefixOf(String text, Consumer<V> action) {
        Node<V> node = root;
        node.values.forEach(action);
        for (int i = 0; i < text.length(); i++) {
            node = node.children.get(text.charAt(i));
            if (node == null) {
                return;
            }
            node.values.forEach(action);
        }
    }

    private static final class Node<V> {
        final Map<Character, Node<V>> children = new HashMap<>(4);
        final List<V> values = new ArrayList<>(1);

        boolean isEmpty() {
            return values.isEmpty() && children.isEmpty();
        }
    }
}
