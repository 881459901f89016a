"""A recording stand-in for MicroPython's ``umqtt.simple`` (no broker in the Unix-port test):
same class and method names, and one queued treat command delivered once subscribed."""

import json


class MQTTException(Exception):
    pass


log = []


class MQTTClient:
    def __init__(self, client_id, server, port=0, user=None, password=None, keepalive=0):
        self.cb = None
        self.pending = []
        log.append(["init", client_id, server, port, user, keepalive])

    def set_callback(self, f):
        self.cb = f

    def set_last_will(self, topic, msg, retain=False, qos=0):
        log.append(["will", topic, msg.decode(), retain, qos])

    def connect(self, clean_session=True):
        log.append(["connect", clean_session])
        return False

    def subscribe(self, topic, qos=0):
        log.append(["subscribe", topic, qos])
        command = {"command_id": "41", "args": {}, "expires_at": "2099-01-01T00:00:00Z"}
        self.pending.append((topic.replace("#", "treat").encode(), json.dumps(command)))

    def publish(self, topic, msg, retain=False, qos=0):
        log.append(["publish", topic, msg if isinstance(msg, str) else msg.decode(), retain, qos])

    def check_msg(self):
        while self.pending:
            topic, payload = self.pending.pop(0)
            self.cb(topic, payload.encode())

    def disconnect(self):
        log.append(["disconnect"])
