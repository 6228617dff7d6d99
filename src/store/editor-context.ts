import { createContext } from 'react';
import type { EditorStore } from './editor-store';

/** The store of the campaign open in the surrounding editor. */
export const EditorStoreContext = createContext<EditorStore | null>(null);
