import { useContext } from 'react';
import { CatalogContext, type CatalogContextValue } from './CatalogProvider';

export function useCatalog(): CatalogContextValue {
  const value = useContext(CatalogContext);
  if (!value) throw new Error('useCatalog outside CatalogProvider');
  return value;
}
