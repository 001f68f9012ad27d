import DownloadIcon from '@mui/icons-material/Download';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { statementObjects } from '../../policy/grants';
import type { JsonObject } from '../../policy/model';
import { downloadText } from '../export/download';
import { formatCount } from './managedPolicyFilter';
import { partFileName, partText } from './splitFiles';

export interface SplitPartsProps {
  readonly documents: readonly JsonObject[];
  readonly sizes: readonly number[];
  readonly quota: number;
}

/** The parts of a split: statements, size against the quota, and a download per part. */
export function SplitParts({ documents, sizes, quota }: SplitPartsProps) {
  return (
    <Table size="small" aria-label="Parts">
      <TableHead>
        <TableRow>
          <TableCell>Part</TableCell>
          <TableCell align="right">Statements</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell align="right">File</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {documents.map((document, index) => (
          <TableRow key={index}>
            <TableCell>Policy {index + 1}</TableCell>
            <TableCell align="right">{statementObjects(document).length}</TableCell>
            <TableCell align="right">
              {formatCount(sizes[index] ?? 0)} / {formatCount(quota)}
            </TableCell>
            <TableCell align="right">
              <Tooltip title={`Download ${partFileName(index)}`}>
                <IconButton size="small" aria-label={`Download ${partFileName(index)}`} onClick={() => downloadText(partFileName(index), partText(document))}>
                  <DownloadIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
