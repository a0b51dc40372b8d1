import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ownCommuneOf } from './access.ts';
import { childrenApi } from './api.ts';
import { ChildForm } from './ChildForm.tsx';
import { EMPTY_CHILD, childBody } from './form.ts';

/**
 * `/children/new`: a child added from the screen (a child met at the commune, not in any file). The
 * same rules as an import row; the duplicate review is asked about the new record at once.
 */
export function ChildNewPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/children" size="sm">
        ← {t('chdBack')}
      </Anchor>
      <Title order={2}>{t('chdNewTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('chdNewIntro')}
      </Text>
      <ChildForm
        initial={EMPTY_CHILD}
        fixedCommune={ownCommuneOf(user)}
        submitLabel={t('chdNewSubmit')}
        onCancel={() => void navigate('/children')}
        onSubmit={async (values) => {
          const { id } = await childrenApi.create(childBody(values));
          await navigate(`/children/${id}`);
        }}
      />
    </Stack>
  );
}
