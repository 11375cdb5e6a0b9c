/** Text in the hub's three languages; English is always present. */
export interface LocalizedText { en: string; fr?: string; es?: string }
