import { createContext, useContext } from 'react';
import {
  createIdbLifecycleStorage,
  createLifecycleRepository,
  createMemoryLifecycleStorage,
  type LifecycleRepository,
} from './lifecycle-repository';

/**
 * The app's lifecycle repository (statuses and published versions): IndexedDB, or memory where
 * IndexedDB is missing, like the campaigns themselves.
 */
export const defaultLifecycleRepository: LifecycleRepository = createLifecycleRepository(
  typeof indexedDB === 'undefined' ? createMemoryLifecycleStorage() : createIdbLifecycleStorage(),
);

/** Lets tests swap the repository; the app uses the default. */
export const LifecycleRepositoryContext = createContext<LifecycleRepository>(defaultLifecycleRepository);

export function useLifecycleRepository(): LifecycleRepository {
  return useContext(LifecycleRepositoryContext);
}
