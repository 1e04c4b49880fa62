/** A card's files with their line counts; long lists show the first few hundred. */
import { useSprint } from '../../store';
import { inventoryIndex } from '../../store/selectors';
import { formatCount } from '../common/format';
import { LineCounts } from '../common/LineCounts';

const SHOWN = 200;

export function CardFiles({ files }: { files: string[] }) {
  const index = useSprint((s) => inventoryIndex(s.inventory));
  return (
    <ul className="card-file-list">
      {files.slice(0, SHOWN).map((path) => {
        const f = index.get(path);
        return (
          <li key={path} className="card-file">
            <span className="card-file-path path-tail" title={path}>
              <span>{path}</span>
            </span>
            {f && <LineCounts added={f.added} removed={f.removed} binary={f.binary} />}
          </li>
        );
      })}
      {files.length > SHOWN && <li className="card-file card-file-more">and {formatCount(files.length - SHOWN)} more (see Subsystems)</li>}
    </ul>
  );
}
