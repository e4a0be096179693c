/** Tabeller (being built): see the package description. */
export {};
