from sqlalchemy import func, select

from graphql_api.alerts.models import Alert, AlertKind, AlertStatus


async def open_alert_count(session, device_id: int, kind: AlertKind) -> int:
    statement = (
        select(func.count())
        .select_from(Alert)
        .where(
            Alert.device_id == device_id, Alert.kind == kind, Alert.status != AlertStatus.CLEARED
        )
    )
    return int((await session.execute(statement)).scalar_one())
