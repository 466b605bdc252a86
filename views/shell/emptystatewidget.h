#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Cuttle {

/// A centred title and explanation shown where a list or page has nothing to show yet,
/// saying what will appear there and, through optional action buttons, how to get it.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateWidget)

public:
    EmptyStateWidget(const QString &title, const QString &explanation, QWidget *parent = nullptr);

    QString title() const;
    void setTitle(const QString &title);
    QString explanation() const;
    void setExplanation(const QString &explanation);

    /// Adds a button under the explanation; connect to its clicked() signal.
    QPushButton *addAction(const QString &text);

private:
    QLabel *m_title = nullptr;
    QLabel *m_explanation = nullptr;
    QVBoxLayout *m_actions = nullptr;
};

} // namespace Cuttle
