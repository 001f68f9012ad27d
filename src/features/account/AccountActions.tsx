import AddModeratorIcon from '@mui/icons-material/AddModerator';
import CloudIcon from '@mui/icons-material/Cloud';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import PublishIcon from '@mui/icons-material/Publish';
import SaveIcon from '@mui/icons-material/Save';
import Button from '@mui/material/Button';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useEditorState } from '../../editor/useEditor';
import type { PolicyInfo } from '../../api/contract';
import { OpenFromAccountDialog } from './OpenFromAccountDialog';
import { ReviewCreateDialog } from './ReviewCreateDialog';
import { RoleForServiceDialog } from './RoleForServiceDialog';
import { findSource } from './sourcePolicy';
import { UpdatePolicyDialog } from './UpdatePolicyDialog';

/** The toolbar's account actions: "Review and create", and a menu to open, update, and create a role. */
export function AccountActions() {
  const state = useEditorState();
  const source = findSource(state);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [review, setReview] = useState(false);
  const [openFrom, setOpenFrom] = useState(false);
  const [update, setUpdate] = useState(false);
  const [roleOpen, setRoleOpen] = useState(false);
  const [rolePolicy, setRolePolicy] = useState<PolicyInfo | null>(null);
  const openRole = (policy: PolicyInfo | null) => {
    setRolePolicy(policy);
    setRoleOpen(true);
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
        aria-haspopup="menu"
        aria-expanded={menu ? 'true' : 'false'}
      >
        Account
      </Button>
      <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
        <MenuItem onClick={pick(() => setOpenFrom(true))}>
          <ListItemIcon>
            <CloudDownloadIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary="Open from account…"
            secondary="Load a customer managed policy to change it"
          />
        </MenuItem>
        <MenuItem onClick={pick(() => setUpdate(true))}>
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
      <Button variant="contained" startIcon={<PublishIcon />} onClick={() => setReview(true)}>
        Review and create
      </Button>
      <ReviewCreateDialog
        open={review}
        onClose={() => setReview(false)}
        onCreateRole={openRole}
      />
      <RoleForServiceDialog
        open={roleOpen}
        policy={rolePolicy}
        onClose={() => setRoleOpen(false)}
      />
      <OpenFromAccountDialog open={openFrom} onClose={() => setOpenFrom(false)} />
      <UpdatePolicyDialog open={update} onClose={() => setUpdate(false)} />
    </>
  );
}
