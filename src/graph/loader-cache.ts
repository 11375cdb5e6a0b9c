import DataLoader from 'dataloader';

/**
 * DataLoaders made on demand for one request, one per signature (the field and its
 * arguments), so that e.g. every objective's `practices(first: 3)` share one batch while a
 * `practices(first: 10)` elsewhere gets its own.
 */
export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly options: DataLoader.Options<unknown, unknown> = {}) {}

  get<K, V>(signature: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(signature) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, this.options as DataLoader.Options<K, V>);
      this.loaders.set(signature, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
