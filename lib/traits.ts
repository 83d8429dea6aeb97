// Trait keys: capital letters, digits and underscores, e.g. SERVES_HTTP. They never change, as
// services and item rules store them.
export const TRAIT_KEY_PATTERN = /^[A-Z][A-Z0-9_]{1,40}$/;
