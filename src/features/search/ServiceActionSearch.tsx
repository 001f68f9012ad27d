import { useEditorState } from '../../editor/useEditor';
import { SearchBox } from './SearchBox';
import { useSearchChoice } from './useSearchChoice';

/**
 * One search box over services and actions, at the top of the visual editor. Choosing an action
 * (or a pattern such as s3:Get*) puts it in the first block of its service or the first empty
 * block, otherwise in a new block; choosing a service starts a block for it.
 */
export function ServiceActionSearch() {
  const { textValid } = useEditorState();
  const choose = useSearchChoice();
  return <SearchBox disabled={!textValid} choose={choose} />;
}
