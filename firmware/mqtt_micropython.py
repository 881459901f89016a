"""The MQTT transport on MicroPython: ``umqtt.simple`` itself (frozen into ESP32 builds; on
the Unix port ``mip install umqtt.simple``), with its refusals turned into ``MQTTError``."""

from umqtt.simple import MQTTClient, MQTTException

from firmware.mqtt_transport import MQTTError


class UmqttClient(MQTTClient):
    def connect(self, clean_session=False):
        try:
            return super().connect(clean_session)
        except MQTTException as error:
            raise MQTTError(f"connection refused: {error}") from error

    def subscribe(self, topic, qos=0):
        try:
            return super().subscribe(topic, qos)
        except MQTTException as error:
            raise MQTTError(f"subscription refused: {error}") from error

    def check_msg(self):
        try:
            return super().check_msg()
        except MQTTException as error:
            raise MQTTError(f"connection lost: {error}") from error
