// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace sw::widgets {

class ConnectionProfiles;

// Adds, edits and removes the explorer's connection profiles. Saving a profile
// whose password goes to the keyring closes the dialog once the keyring has it,
// or shows why it could not.
class ConnectionProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionProfilesDialog(ConnectionProfiles &profiles, QWidget *parent = nullptr);

private:
    ConnectionProfiles &m_profiles;
};

} // namespace sw::widgets
