package org.promoattribution.schemas.registry;

/**
 * One REST call, relative to a base URL.
 *
 * @param method   GET or POST
 * @param path     already URL-encoded, starting with '/'
 * @param jsonBody the body of a POST, null for GET
 * @param about    what the call is for, for messages ("schema id 7", "subject clicks-value")
 */
record RegistryRequest(String method, String path, String jsonBody, String about) {

    static RegistryRequest get(String path, String about) {
        return new RegistryRequest("GET", path, null, about);
    }

    static RegistryRequest post(String path, String jsonBody, String about) {
        return new RegistryRequest("POST", path, jsonBody, about);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
