#include "drizzle/kit/changes.hpp"

namespace drizzle::kit {

std::string_view changeKindName(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::createSchema: return "createSchema";
        case ChangeKind::dropSchema: return "dropSchema";
        case ChangeKind::renameSchema: return "renameSchema";
        case ChangeKind::createEnum: return "createEnum";
        case ChangeKind::dropEnum: return "dropEnum";
        case ChangeKind::moveEnum: return "moveEnum";
        case ChangeKind::renameEnum: return "renameEnum";
        case ChangeKind::addEnumValue: return "addEnumValue";
        case ChangeKind::createSequence: return "createSequence";
        case ChangeKind::dropSequence: return "dropSequence";
        case ChangeKind::moveSequence: return "moveSequence";
        case ChangeKind::renameSequence: return "renameSequence";
        case ChangeKind::alterSequence: return "alterSequence";
        case ChangeKind::createRole: return "createRole";
        case ChangeKind::dropRole: return "dropRole";
        case ChangeKind::alterRole: return "alterRole";
        case ChangeKind::createTable: return "createTable";
        case ChangeKind::dropTable: return "dropTable";
        case ChangeKind::moveTable: return "moveTable";
        case ChangeKind::renameTable: return "renameTable";
        case ChangeKind::rebuildTable: return "rebuildTable";
        case ChangeKind::enableRowLevelSecurity: return "enableRowLevelSecurity";
        case ChangeKind::disableRowLevelSecurity: return "disableRowLevelSecurity";
        case ChangeKind::addColumn: return "addColumn";
        case ChangeKind::dropColumn: return "dropColumn";
        case ChangeKind::renameColumn: return "renameColumn";
        case ChangeKind::alterColumn: return "alterColumn";
        case ChangeKind::setColumnType: return "setColumnType";
        case ChangeKind::setColumnDefault: return "setColumnDefault";
        case ChangeKind::dropColumnDefault: return "dropColumnDefault";
        case ChangeKind::setNotNull: return "setNotNull";
        case ChangeKind::dropNotNull: return "dropNotNull";
        case ChangeKind::addIdentity: return "addIdentity";
        case ChangeKind::dropIdentity: return "dropIdentity";
        case ChangeKind::alterIdentity: return "alterIdentity";
        case ChangeKind::dropGeneratedExpression: return "dropGeneratedExpression";
        case ChangeKind::createIndex: return "createIndex";
        case ChangeKind::dropIndex: return "dropIndex";
        case ChangeKind::addForeignKey: return "addForeignKey";
        case ChangeKind::dropForeignKey: return "dropForeignKey";
        case ChangeKind::addPrimaryKey: return "addPrimaryKey";
        case ChangeKind::dropPrimaryKey: return "dropPrimaryKey";
        case ChangeKind::addUnique: return "addUnique";
        case ChangeKind::dropUnique: return "dropUnique";
        case ChangeKind::addCheck: return "addCheck";
        case ChangeKind::dropCheck: return "dropCheck";
        case ChangeKind::createView: return "createView";
        case ChangeKind::dropView: return "dropView";
        case ChangeKind::moveView: return "moveView";
        case ChangeKind::renameView: return "renameView";
        case ChangeKind::createPolicy: return "createPolicy";
        case ChangeKind::dropPolicy: return "dropPolicy";
        case ChangeKind::renamePolicy: return "renamePolicy";
        case ChangeKind::alterPolicy: return "alterPolicy";
    }
    return "unknown";
}

}  // namespace drizzle::kit
