from tests.factories.accounts import signed_up

ME = "query { me { email role } }"


async def test_registered_user_sees_themself(anonymous):
    # given
    owner = await signed_up(anonymous)
    # when
    result = await owner.execute(ME)
    # then
    assert result["me"]["role"] == "OWNER"
