import { getMetadataStorage } from 'type-graphql';
import { MODULES } from '../../src/modules';

/**
 * type-graphql copies a resolver's `@Root()` into a new instance of its declared class on every
 * call (`convertToType`: `new Practice()`, then every key) unless the declared type is not a
 * class. That copy, for every field of every item, was 4 % of the server's CPU on the home page.
 * Roots are declared `Readonly<T>` (emitted as `Object`), so the loaded row itself is passed.
 */
describe('resolver roots are passed as loaded, not copied per field', () => {
  it('no @Root() parameter is declared with a class type', () => {
    expect(MODULES.length).toBeGreaterThan(10);
    const roots = getMetadataStorage().params.filter((p) => p.kind === 'root');
    expect(roots.length).toBeGreaterThan(50);
    const copied = roots
      .filter((p) => {
        const type = p.kind === 'root' && p.getType ? p.getType() : undefined;
        return typeof type === 'function' && type !== Object;
      })
      .map((p) => `${p.target.name}.${p.methodName}`);
    expect(copied).toEqual([]);
  });
});
