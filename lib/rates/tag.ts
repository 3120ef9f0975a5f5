/** The cache tag of every cached rate query (pages, API); kept apart so it has no imports. */
export const RATES_CACHE_TAG_VALUE = "rates";
