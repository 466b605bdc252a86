#pragma once

#include <QStyledItemDelegate>

namespace Cuttle {

/// Edits names and values in the variables grid; a sensitive value is typed blind and
/// starts empty, because the stored one is never loaded into the console.
class VariableValueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableValueDelegate)

public:
    explicit VariableValueDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// A small padlock drawn once, marking sensitive values.
    static QIcon lockIcon();

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Cuttle
