import AddModeratorIcon from '@mui/icons-material/AddModerator';
import CloudIcon from '@mui/icons-material/Cloud';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import LayersIcon from '@mui/icons-material/Layers';
import PublishIcon from '@mui/icons-material/Publish';
import SaveIcon from '@mui/icons-material/Save';
import Button from '@mui/material/Button';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useEditorSelector } from '../../editor/useEditor';
import type { PolicyInfo } from '../../api/contract';
import { lazyWithPreload } from '../common/lazyWithPreload';
import { LazyMount } from '../common/LazyMount';
import { sourceMetaOf } from './sourcePolicy';

// Each dialog loads on first use (the chunk starts on hover or focus of what opens it).
const reviewCreateDialog = lazyWithPreload(() => import('./ReviewCreateDialog').then((m) => m.ReviewCreateDialog));
const roleForServiceDialog = lazyWithPreload(() => import('./RoleForServiceDialog').then((m) => m.RoleForServiceDialog));
const openFromAccountDialog = lazyWithPreload(() => import('./OpenFromAccountDialog').then((m) => m.OpenFromAccountDialog));
const openPolicySetDialog = lazyWithPreload(() => import('./OpenPolicySetDialog').then((m) => m.OpenPolicySetDialog));
const updatePolicyDialog = lazyWithPreload(() => import('./UpdatePolicyDialog').then((m) => m.UpdatePolicyDialog));
const preloadMenuDialogs = () => {
  openFromAccountDialog.preload();
  openPolicySetDialog.preload();
  updatePolicyDialog.preload();
  roleForServiceDialog.preload();
};

/** The toolbar's account actions: "Review and create", and a menu to open, update, and create a role. */
export function AccountActions() {
  // what the menu names: the draft's source policy (selected: typing does not re-render the menu)
  const source = useEditorSelector(sourceMetaOf);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [review, setReview] = useState(false);
  const [openFrom, setOpenFrom] = useState(false);
  const [update, setUpdate] = useState(false);
  const [openSet, setOpenSet] = useState(false);
  const [roleOpen, setRoleOpen] = useState(false);
  const [rolePolicy, setRolePolicy] = useState<PolicyInfo | null>(null);
  const [used, setUsed] = useState<ReadonlySet<'review' | 'openFrom' | 'openSet' | 'update' | 'role'>>(() => new Set());
  const mount = (name: 'review' | 'openFrom' | 'openSet' | 'update' | 'role') =>
    setUsed((current) => (current.has(name) ? current : new Set(current).add(name)));
  const openRole = (policy: PolicyInfo | null) => {
    setRolePolicy(policy);
    setRoleOpen(true);
    mount('role');
  };

  const pick = (action: () => void) => () => {
    setMenu(null);
    action();
  };

  return (
    <>
      <Button
        startIcon={<CloudIcon />}
        endIcon={<ExpandMoreIcon />}
        onClick={(e) => setMenu(e.currentTarget)}
        onPointerEnter={preloadMenuDialogs}
        onFocus={preloadMenuDialogs}
        aria-haspopup="menu"
        aria-expanded={menu ? 'true' : 'false'}
      >
        Account
      </Button>
      <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
        <MenuItem
          onClick={pick(() => {
            setOpenFrom(true);
            mount('openFrom');
          })}
        >
          <ListItemIcon>
            <CloudDownloadIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary="Open from account…"
            secondary="Load a customer managed policy to change it"
          />
        </MenuItem>
        <MenuItem
          onClick={pick(() => {
            setOpenSet(true);
            mount('openSet');
          })}
        >
          <ListItemIcon>
            <LayersIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Open a policy set…" secondary="Load every part of a set as one draft, keep it current" />
        </MenuItem>
        <MenuItem
          onClick={pick(() => {
            setUpdate(true);
            mount('update');
          })}
        >
          <ListItemIcon>
            <SaveIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary="Save as new version…"
            secondary={source ? `of ${source.policyName}` : 'Make the draft the default version of a policy'}
          />
        </MenuItem>
        <MenuItem onClick={pick(() => openRole(null))}>
          <ListItemIcon>
            <AddModeratorIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary="Create a role for an AWS service…"
            secondary="Trust a service, attach policies"
          />
        </MenuItem>
      </Menu>
      <Button
        variant="contained"
        startIcon={<PublishIcon />}
        onClick={() => {
          setReview(true);
          mount('review');
        }}
        onPointerEnter={reviewCreateDialog.preload}
        onFocus={reviewCreateDialog.preload}
      >
        Review and create
      </Button>
      <LazyMount used={used.has('review')} open={review} label="Loading the review dialog">
        <reviewCreateDialog.Component open={review} onClose={() => setReview(false)} onCreateRole={openRole} />
      </LazyMount>
      <LazyMount used={used.has('role')} open={roleOpen} label="Loading the role dialog">
        <roleForServiceDialog.Component open={roleOpen} policy={rolePolicy} onClose={() => setRoleOpen(false)} />
      </LazyMount>
      <LazyMount used={used.has('openFrom')} open={openFrom} label="Loading the account's policies">
        <openFromAccountDialog.Component open={openFrom} onClose={() => setOpenFrom(false)} />
      </LazyMount>
      <LazyMount used={used.has('openSet')} open={openSet} label="Loading the account's policy sets">
        <openPolicySetDialog.Component open={openSet} onClose={() => setOpenSet(false)} />
      </LazyMount>
      <LazyMount used={used.has('update')} open={update} label="Loading the update dialog">
        <updatePolicyDialog.Component open={update} onClose={() => setUpdate(false)} />
      </LazyMount>
    </>
  );
}
